using System.CommandLine;

namespace Coxswain.Cli.Commands.Stack;

internal static class ConfigCommand
{
    public static Command Create(CliContext context, ProjectOptions project)
    {
        var json = new Option<bool>("--json") { Description = "Print the model as JSON instead of YAML" };
        var command = new Command(
            "config",
            "Print the normalized Compose model (interpolated, merged, defaults left out, keys sorted). Problems are printed on stderr as "
            + "file:line:column: field: message; exit code 1 when there is an error.")
        {
            json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var loaded = await StackLoader.LoadAsync(context, project.ToLoadOptions(parse)).ConfigureAwait(false);
            if (loaded is null)
            {
                return ExitCodes.Failure;
            }

            await context.Out.WriteAsync(parse.GetValue(json) ? loaded.ToJson() : loaded.ToYaml()).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
