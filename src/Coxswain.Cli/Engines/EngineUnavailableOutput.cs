using Coxswain.Cli.Output;
using Coxswain.Engine;
using Spectre.Console;

namespace Coxswain.Cli.Engines;

/// <summary>Prints "no engine answered": every endpoint tried with its error, then the hint. Text goes to stderr; with
/// <c>--json</c> the same facts go to stdout as one document.</summary>
internal static class EngineUnavailableOutput
{
    public static void Write(CliContext context, EngineUnavailableException exception, bool json)
    {
        if (json)
        {
            CliJson.Write(context.Out, UnavailableReport.From(exception));
            return;
        }

        var console = Terminal.ForError(context);
        console.MarkupLine("[red]cox: no container engine answered.[/] Tried, in order:");
        foreach (var attempt in exception.Attempts)
        {
            console.MarkupLineInterpolated($"  [red]{Symbols.Failed}[/] {attempt.Endpoint.Address} [grey]({attempt.Endpoint.Source})[/]: {attempt.Error}");
        }

        console.WriteLine(exception.Hint);
    }
}
