using Coxswain.Plans;
using Spectre.Console;

namespace Coxswain.Cli.Commands.Plan;

/// <summary>The lines after the report table: the summary, and what to do when the run did not succeed.</summary>
internal static class PlanSummary
{
    public static void Write(IAnsiConsole console, Report report, string file)
    {
        var color = report.Status switch
        {
            RunStatus.Succeeded => "green",
            RunStatus.Cancelled => "yellow",
            _ => "red",
        };
        console.MarkupLine($"[{color}]{Markup.Escape(report.Summary())}[/]");
        if (report.RunId is { } runId)
        {
            console.MarkupLine(report.Succeeded
                ? $"[grey]run {runId}[/]"
                : $"run {runId} {report.Status.ToString().ToLowerInvariant()}; fix the cause, then [bold]cox plan resume {runId}[/] runs what did not succeed ({Markup.Escape(file)})");
        }
    }
}
