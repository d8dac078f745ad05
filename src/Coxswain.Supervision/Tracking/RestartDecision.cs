namespace Coxswain.Supervision;

/// <summary>The tracker's decision about one failure, with the reason people read.</summary>
/// <param name="Action">Restart, leave alone, or give up.</param>
/// <param name="Delay">How long to wait before restarting (zero unless <see cref="RestartAction.Restart"/>).</param>
/// <param name="Reason">Why, e.g. "crashed (exit 1), attempt 3 of 10, backoff 4 s".</param>
public sealed record RestartDecision(RestartAction Action, TimeSpan Delay, string Reason)
{
    /// <summary>The restart attempt within the budget window this decision is (1-based); 0 when not a restart.</summary>
    public int Attempt { get; init; }

    /// <summary>The budget (restarts per window) the attempt counts against.</summary>
    public int Budget { get; init; }
}
