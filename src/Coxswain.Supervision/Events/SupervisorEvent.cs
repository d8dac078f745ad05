namespace Coxswain.Supervision;

/// <summary>One entry of the supervisor's feed and history: "restarted db: crashed (exit 1), attempt 3 of 10, backoff 4 s".</summary>
/// <param name="Time">When.</param>
/// <param name="Kind">What kind.</param>
/// <param name="Project">The stack.</param>
/// <param name="Service">The service, or null for stack-wide events.</param>
/// <param name="Message">What happened, as people read it.</param>
public sealed record SupervisorEvent(DateTimeOffset Time, SupervisorEventKind Kind, string Project, string? Service, string Message)
{
    /// <summary>The service's state after the event, when it is about one.</summary>
    public ServiceState? State { get; init; }
}
