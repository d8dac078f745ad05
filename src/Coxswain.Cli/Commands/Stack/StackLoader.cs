using Coxswain.Compose;

namespace Coxswain.Cli.Commands.Stack;

/// <summary>Loads the Compose project for a stack command: warnings and errors go to stderr with file:line:column.</summary>
internal static class StackLoader
{
    public static async Task<ComposeProject?> LoadAsync(CliContext context, LoadOptions options, bool printWarnings = true)
    {
        var result = ComposeLoader.Load(options);
        foreach (var diagnostic in result.Diagnostics.Where(d => d.IsError || printWarnings))
        {
            await context.Error.WriteLineAsync(diagnostic.ToString()).ConfigureAwait(false);
        }

        if (result.Project is null)
        {
            var errors = result.Errors.Count;
            await context.Error.WriteLineAsync($"cox: the Compose project has {errors} {(errors == 1 ? "error" : "errors")}; fix {(errors == 1 ? "it" : "them")} and run again").ConfigureAwait(false);
        }

        return result.Project;
    }
}
