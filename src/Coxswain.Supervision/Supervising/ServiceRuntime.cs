using Coxswain.Compose;
using Coxswain.Stacks;

namespace Coxswain.Supervision;

/// <summary>One supervised service's runtime: its tracker, state, and what is under way (owned by the supervisor's loop).</summary>
internal sealed class ServiceRuntime(string project, ServiceModel model, RestartTracker tracker)
{
    public string Project { get; } = project;

    public ServiceModel Model { get; } = model;

    public string Name => Model.Name;

    public RestartTracker Tracker { get; } = tracker;

    public HealthProbe? Probe { get; } = HealthProbe.FromCompose(model.Healthcheck);

    public ServiceState State { get; set; } = new(project, model.Name, ServiceStatus.Unknown);

    /// <summary>A heal (or user action) is under way: its events are ours, not failures.</summary>
    public bool Busy { get; set; }

    /// <summary>Bumped to invalidate a pending restart timer.</summary>
    public int Generation { get; set; }

    /// <summary>The reason of the decision the pending restart carries out.</summary>
    public string PendingReason { get; set; } = "";

    /// <summary>The dependency that was down when this service failed: its counters reset once that dependency is back and this service is ready.</summary>
    public string? FailedBecauseOf { get; set; }

    /// <summary>When the supervisor's last own action on the service (heal, adoption, user stop) ended: engine events before it are its own.</summary>
    public DateTimeOffset LastActionEnd { get; set; }

    /// <summary>When a <c>stop</c> event made the supervisor take the service as stopped by a person (null: not so); withdrawn
    /// when the engine's stream drops soon after, since a shutting-down engine stops every container.</summary>
    public DateTimeOffset? StopInferredAt { get; set; }

    /// <summary>Container ids being probed.</summary>
    public HashSet<string> Probed { get; } = new(StringComparer.Ordinal);

    /// <summary>True when the service runs (any of running, starting, healthy).</summary>
    public bool IsUp => State.Status is ServiceStatus.Running or ServiceStatus.Starting or ServiceStatus.Healthy;
}
