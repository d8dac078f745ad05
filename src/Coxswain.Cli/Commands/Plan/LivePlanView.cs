using Coxswain.Cli.Output;
using Coxswain.Plans;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Coxswain.Cli.Commands.Plan;

/// <summary>
/// Progress on a terminal: finished tasks scroll above a live block that shows the current wave, the running tasks and
/// how many are done; then the report table.
/// </summary>
internal sealed class LivePlanView(CliContext context) : IPlanView
{
    private const int RecentLines = 12;
    private readonly IAnsiConsole console = Terminal.ForOut(context);
    private readonly Lock gate = new();
    private readonly List<string> running = [];
    private readonly Queue<string> recent = new();
    private Dictionary<string, int> waves = new(StringComparer.Ordinal);
    private LiveDisplayContext? live;
    private string file = "";
    private string planName = "";
    private int total;
    private int done;
    private int waveCount;

    public void Begin(Coxswain.Plans.Plan plan, string file)
    {
        this.file = file;
        planName = plan.Name;
        waves = PlanWaves.Compute(plan);
        total = plan.Tasks.Count;
        waveCount = waves.Count == 0 ? 0 : waves.Values.Max();
        console.MarkupLine($"plan [bold]{Markup.Escape(plan.Name)}[/]: {total} tasks in {waveCount} waves");
    }

    public void RunStarted(string runId, string journal, bool resumed) =>
        Note($"run {runId} {(resumed ? "resumed" : "started")} (journal {journal})");

    public void Note(string message)
    {
        lock (gate)
        {
            if (live is null)
            {
                console.MarkupLine($"[grey]{Markup.Escape(message)}[/]");
            }
            else
            {
                Push($"[grey]{Markup.Escape(message)}[/]");
            }
        }
    }

    public async Task<T> ShowAsync<T>(Func<Task<T>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return await console.Live(Render()).AutoClear(false).StartAsync(async ctx =>
        {
            lock (gate)
            {
                live = ctx;
            }

            try
            {
                return await body().ConfigureAwait(false);
            }
            finally
            {
                lock (gate)
                {
                    running.Clear();
                    ctx.UpdateTarget(Render());
                    live = null;
                }
            }
        }).ConfigureAwait(false);
    }

    public void Report(PlanEvent value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (gate)
        {
            switch (value.Kind)
            {
                case PlanEventKind.TaskStarted:
                    running.Add(value.TaskName!);
                    break;
                case PlanEventKind.TaskRetrying:
                    Push($"[yellow]↻[/] {Markup.Escape(value.ToString())}");
                    break;
                case PlanEventKind.TaskFinished when value.Report is { } report:
                    running.Remove(report.Name);
                    done++;
                    if (!report.Resumed)
                    {
                        Push(PlanText.ResultMarkup(report));
                    }

                    break;
                default:
                    return;
            }

            live?.UpdateTarget(Render());
        }
    }

    public void Finish(Report report)
    {
        console.WriteLine();
        console.Write(PlanText.Table(report, terminal: true));
        PlanSummary.Write(console, report, file);
    }

    private void Push(string markup)
    {
        recent.Enqueue(markup);
        while (recent.Count > RecentLines)
        {
            recent.Dequeue();
        }

        live?.UpdateTarget(Render());
    }

    private Rows Render()
    {
        var rows = new List<IRenderable>();
        rows.AddRange(recent.Select(line => new Markup(line)));
        var wave = running.Count == 0 ? 0 : running.Min(name => waves.GetValueOrDefault(name));
        var status = running.Count == 0
            ? $"[grey]{Markup.Escape(planName)}: {done}/{total} done[/]"
            : $"[blue]{Markup.Escape(planName)}[/]: wave {wave}/{waveCount} · {done}/{total} done · running: {Markup.Escape(string.Join(", ", running.Take(8)))}{(running.Count > 8 ? $" and {running.Count - 8} more" : "")}";
        rows.Add(new Markup(status));
        return new Rows(rows);
    }
}
