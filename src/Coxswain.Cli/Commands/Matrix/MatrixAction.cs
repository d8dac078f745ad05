using Coxswain.Cli.Engines;
using Coxswain.Matrix;

namespace Coxswain.Cli.Commands.Matrix;

/// <summary><c>cox matrix</c>: load and check → connect → run (or, with --shell, build and open an interactive shell) → summary.</summary>
internal static class MatrixAction
{
    public static async Task<int> RunAsync(CliContext context, MatrixRequest request, CancellationToken ct)
    {
        var early = EarlyEngine.Start(context.Engines, request.Host, ct);
        await using var disposeEarly = early.ConfigureAwait(false);
        MatrixDefinition definition;
        try
        {
            definition = MatrixDefinitionLoader.Load(WithDurations(request), Environment.CurrentDirectory, context.GetVariable);
        }
        catch (MatrixDefinitionException ex)
        {
            await context.Error.WriteLineAsync("cox matrix: " + ex.Message).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var discovered = await early.TakeAsync().ConfigureAwait(false);
        await using var disposeEngine = discovered.ConfigureAwait(false);
        var sink = new TextLineSink(context.Out, context.Error);
        var reporter = new MatrixReporter(sink, definition.Settings.Verbosity, definition.Targets.Select(t => t.Name).ToList());
        var runner = new MatrixRunner(discovered.Client, context.Time);
        if (definition.Settings.Shell)
        {
            var built = await runner.RunAsync(definition with { Settings = definition.Settings with { Build = true, Run = false } }, reporter, ct).ConfigureAwait(false);
            if (!built.Succeeded)
            {
                reporter.Summary(built);
                return built.ExitCode;
            }

            var target = built.Targets[0];
            return await InteractiveShell.RunAsync(context, discovered.Client, definition, target.Target, target.Image!, ct).ConfigureAwait(false);
        }

        var result = await runner.RunAsync(definition, reporter, ct).ConfigureAwait(false);
        reporter.Summary(result);
        return result.ExitCode;
    }

    private static MatrixFlags WithDurations(MatrixRequest request)
    {
        var problems = new List<string>();
        TimeSpan? Parse(string? text, string flag)
        {
            if (text is null)
            {
                return null;
            }

            if (MatrixDuration.TryParse(text, out var value))
            {
                return value;
            }

            problems.Add($"{flag} '{text}' is not a duration: {MatrixDuration.Help}");
            return null;
        }

        var flags = request.Flags with { Timeout = Parse(request.Timeout, "--timeout"), Backoff = Parse(request.Backoff, "--backoff") };
        return problems.Count > 0 ? throw new MatrixDefinitionException(problems) : flags;
    }
}
