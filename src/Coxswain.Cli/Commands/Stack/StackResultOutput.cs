using Coxswain.Stacks;

namespace Coxswain.Cli.Commands.Stack;

/// <summary>Prints a failed stack run: every error (with identity, exit code, log tail, what to do) and what was rolled back.</summary>
internal static class StackResultOutput
{
    public static async Task WriteFailureAsync(CliContext context, StackRunResult result)
    {
        var plan = result.Plan;
        await context.Error.WriteLineAsync($"cox: {plan.Verb} {plan.Project} failed:").ConfigureAwait(false);
        foreach (var error in result.Errors)
        {
            await context.Error.WriteLineAsync("  " + error.Replace("\n", "\n  ", StringComparison.Ordinal)).ConfigureAwait(false);
        }

        if (result.RolledBack.Count > 0)
        {
            await context.Error.WriteLineAsync(
                $"rolled back: removed {string.Join(", ", result.RolledBack)} (created by this run, not running)").ConfigureAwait(false);
        }
    }
}
