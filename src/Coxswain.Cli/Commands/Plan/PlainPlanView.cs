using Coxswain.Cli.Output;
using Coxswain.Plans;
using Spectre.Console;

namespace Coxswain.Cli.Commands.Plan;

/// <summary>Progress as plain lines, one per event, for logs and pipes (no cursor movement); the report as a borderless table.</summary>
internal sealed class PlainPlanView(CliContext context) : IPlanView
{
    private readonly IAnsiConsole console = Terminal.ForOut(context);
    private readonly Lock gate = new();
    private Dictionary<string, int> waves = new(StringComparer.Ordinal);
    private string file = "";

    public void Begin(Coxswain.Plans.Plan plan, string file)
    {
        this.file = file;
        waves = PlanWaves.Compute(plan);
        var count = waves.Count == 0 ? 0 : waves.Values.Max();
        Line($"plan {Markup.Escape(plan.Name)}: {plan.Tasks.Count} tasks in {count} waves");
        foreach (var wave in waves.GroupBy(w => w.Value).OrderBy(g => g.Key))
        {
            Line($"  wave {wave.Key}: {Markup.Escape(string.Join(", ", wave.Select(w => w.Key)))}");
        }
    }

    public void RunStarted(string runId, string journal, bool resumed) =>
        Line($"run {runId} {(resumed ? "resumed" : "started")} (journal {Markup.Escape(journal)})");

    public void Note(string message) => Line(Markup.Escape(message));

    public Task<T> ShowAsync<T>(Func<Task<T>> body) => body();

    public void Report(PlanEvent value)
    {
        ArgumentNullException.ThrowIfNull(value);
        switch (value.Kind)
        {
            case PlanEventKind.TaskStarted:
                Line($"[blue]→[/] {Markup.Escape(value.TaskName!)}: started (wave {waves.GetValueOrDefault(value.TaskName!)})");
                break;
            case PlanEventKind.TaskLog:
                Line($"  [grey]{Markup.Escape(value.TaskName!)} |[/] {Markup.Escape(value.Message ?? "")}");
                break;
            case PlanEventKind.TaskRetrying:
                Line($"[yellow]↻[/] {Markup.Escape(value.ToString())}");
                break;
            case PlanEventKind.TaskFinished when value.Report is { } report && !report.Resumed:
                Line(PlanText.ResultMarkup(report));
                break;
        }
    }

    public void Finish(Report report)
    {
        lock (gate)
        {
            console.WriteLine();
            console.Write(PlanText.Table(report, terminal: false));
            PlanSummary.Write(console, report, file);
        }
    }

    private void Line(string markup)
    {
        lock (gate)
        {
            console.MarkupLine(markup);
        }
    }
}
