namespace Coxswain.Supervision;

/// <summary>A supervised service's state as the supervisor sees it.</summary>
public enum ServiceStatus
{
    /// <summary>Not checked yet.</summary>
    Unknown,

    /// <summary>Running; its probe has not passed yet.</summary>
    Starting,

    /// <summary>Running, without a probe.</summary>
    Running,

    /// <summary>Running and its probe passes.</summary>
    Healthy,

    /// <summary>Running but its probe failed <c>retries</c> times (a restart is being decided).</summary>
    Unhealthy,

    /// <summary>Waiting out a backoff before a restart.</summary>
    Restarting,

    /// <summary>A restart is being carried out (waiting for its dependencies, then starting).</summary>
    Healing,

    /// <summary>Not restarted until a dependency it needs is back.</summary>
    WaitingForDependency,

    /// <summary>The restart budget is spent: left alone until a person starts it.</summary>
    Failed,

    /// <summary>A person stopped it: never restarted until started again.</summary>
    StoppedByUser,

    /// <summary>Not running and not healed (restart: no, or a clean exit under on-failure).</summary>
    Stopped,

    /// <summary>Down while the engine is: brought back, in dependency order, once the engine answers again.</summary>
    WaitingForEngine,
}
