using Coxswain.Plans;

namespace Coxswain.Cli.Commands.Plan;

/// <summary>How a plan run is shown: live progress while it runs (the view receives every <see cref="PlanEvent"/>), then the report.</summary>
internal interface IPlanView : IProgress<PlanEvent>
{
    /// <summary>The plan is loaded and about to run.</summary>
    void Begin(Coxswain.Plans.Plan plan, string file);

    /// <summary>The journal assigned (or resumed) a run id.</summary>
    void RunStarted(string runId, string journal, bool resumed);

    /// <summary>A line for people about the run (an engine found, a podman service started).</summary>
    void Note(string message);

    /// <summary>Runs <paramref name="body"/> with the live display on (if any).</summary>
    Task<T> ShowAsync<T>(Func<Task<T>> body);

    /// <summary>The final report.</summary>
    void Finish(Report report);
}
