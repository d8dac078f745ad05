using System.Globalization;

namespace Coxswain.Supervision;

/// <summary>One supervised service's state, an immutable snapshot for <c>ps</c> and the event feed.</summary>
/// <param name="Project">The stack.</param>
/// <param name="Service">The service.</param>
/// <param name="Status">The state.</param>
public sealed record ServiceState(string Project, string Service, ServiceStatus Status)
{
    /// <summary>When a waited-out restart is due (with <see cref="ServiceStatus.Restarting"/>).</summary>
    public DateTimeOffset? RestartAt { get; init; }

    /// <summary>The restart attempt within the budget window (1-based), when restarting.</summary>
    public int Attempt { get; init; }

    /// <summary>The budget the attempt counts against.</summary>
    public int Budget { get; init; }

    /// <summary>Restarts before giving up, when <see cref="ServiceStatus.Failed"/>.</summary>
    public int GaveUpAfter { get; init; }

    /// <summary>The last failure, or null.</summary>
    public Failure? LastFailure { get; init; }

    /// <summary>The dependency waited for, with <see cref="ServiceStatus.WaitingForDependency"/>.</summary>
    public string? WaitingFor { get; init; }

    /// <summary>Why it is in this state (the last decision's reason).</summary>
    public string Reason { get; init; } = "";

    /// <summary>The state as <c>cox ps</c> shows it at <paramref name="now"/>: "restarting in 4 s (attempt 3 of 10)",
    /// "failed — gave up after 10 restarts", "stopped by user", "healthy", ...</summary>
    /// <param name="now">The time (for the seconds left).</param>
    /// <returns>The text.</returns>
    public string Describe(DateTimeOffset now) => Status switch
    {
        ServiceStatus.Restarting => string.Create(CultureInfo.InvariantCulture,
            $"restarting in {DurationText.Format(RestartAt is { } at && at > now ? at - now : TimeSpan.Zero)} (attempt {Attempt} of {Budget})"),
        ServiceStatus.Failed => string.Create(CultureInfo.InvariantCulture, $"failed — gave up after {GaveUpAfter} restarts"),
        ServiceStatus.StoppedByUser => "stopped by user",
        ServiceStatus.WaitingForDependency => $"waiting for {WaitingFor}",
        ServiceStatus.WaitingForEngine => "waiting for the engine",
        ServiceStatus.Healing => "restarting",
        ServiceStatus.Stopped => LastFailure is { } f ? $"{f.Text}, not restarted" : "stopped",
        _ => Status.ToString().ToLowerInvariant(),
    };
}
