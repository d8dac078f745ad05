using System.CommandLine;
using Coxswain.Cli.Commands.Daemon;

namespace Coxswain.Cli.Commands.Stack;

/// <summary><c>cox supervise</c> / <c>cox unsupervise</c>: hand the project to the running daemon, or take it back.</summary>
internal static class SuperviseCommand
{
    public static Command Create(CliContext context, ProjectOptions project)
    {
        var socket = DaemonCall.SocketOption(context);
        var command = new Command(
            "supervise",
            "Hand the project to the running `cox daemon`: it adopts the containers by label and from now on heals crashed, OOM-killed and unhealthy "
            + "services in dependency order (per each service's restart: policy), across daemon restarts. Prints the adoption report.")
        {
            socket,
        };
        command.SetAction(async (parse, ct) =>
        {
            var loaded = await StackLoader.LoadAsync(context, project.ToLoadOptions(parse), printWarnings: false).ConfigureAwait(false);
            if (loaded is null)
            {
                return ExitCodes.Failure;
            }

            var files = loaded.Files.Select(Path.GetFullPath).ToList();
            return await DaemonCall.RunAsync(
                context,
                parse.GetValue(socket),
                "stack.add",
                new { files, project = loaded.Name, workingDirectory = Path.GetFullPath(loaded.WorkingDirectory) },
                r => context.Out.WriteLineAsync(r.GetProperty("text").GetString()),
                ct).ConfigureAwait(false);
        });
        return command;
    }

    public static Command CreateUnsupervise(CliContext context, ProjectOptions project)
    {
        var socket = DaemonCall.SocketOption(context);
        var command = new Command("unsupervise", "Stop the daemon supervising the project; its containers are left as they are.") { socket };
        command.SetAction(async (parse, ct) =>
        {
            var name = parse.GetValue(project.ProjectName)
                ?? (await StackLoader.LoadAsync(context, project.ToLoadOptions(parse), printWarnings: false).ConfigureAwait(false))?.Name;
            if (name is null)
            {
                return ExitCodes.Failure;
            }

            return await DaemonCall.RunAsync(
                context,
                parse.GetValue(socket),
                "stack.remove",
                new { project = name },
                r => context.Out.WriteLineAsync(r.GetProperty("removed").GetBoolean() ? $"{name} is no longer supervised" : $"{name} was not supervised"),
                ct).ConfigureAwait(false);
        });
        return command;
    }
}
