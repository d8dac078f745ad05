using Coxswain.Plans;

namespace Coxswain.Cli.Commands.Plan;

/// <summary><c>--json</c>: no progress on stdout (it holds one document); notes go to stderr; the report is the document.</summary>
internal sealed class JsonPlanView(CliContext context) : IPlanView
{
    private Coxswain.Plans.Plan? plan;
    private string file = "";

    public void Begin(Coxswain.Plans.Plan plan, string file)
    {
        this.plan = plan;
        this.file = file;
    }

    public void RunStarted(string runId, string journal, bool resumed) =>
        context.Error.WriteLine($"run {runId} {(resumed ? "resumed" : "started")} (journal {journal})");

    public void Note(string message) => context.Error.WriteLine(message);

    public Task<T> ShowAsync<T>(Func<Task<T>> body) => body();

    public void Report(PlanEvent value)
    {
    }

    public void Finish(Report report) => PlanJson.Write(context.Out, PlanJsonReport.From(plan!, file, report));
}
