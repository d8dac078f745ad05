namespace Coxswain.Supervision;

/// <summary>What a <see cref="SupervisorEvent"/> reports.</summary>
public enum SupervisorEventKind
{
    /// <summary>A service's state changed.</summary>
    StateChanged,

    /// <summary>A failure was detected and a decision taken (restart later, leave alone).</summary>
    Decision,

    /// <summary>A service was restarted.</summary>
    Restarted,

    /// <summary>A restart attempt failed.</summary>
    RestartFailed,

    /// <summary>The budget is spent: the service is failed.</summary>
    GaveUp,

    /// <summary>A service's counters cleared (stable for long enough, or its dependency recovered).</summary>
    CountersReset,

    /// <summary>A person stopped a service.</summary>
    UserStopped,

    /// <summary>A person started a service.</summary>
    UserStarted,

    /// <summary>A stack was added to supervision, or adopted after a start (with the adoption report).</summary>
    StackAdopted,

    /// <summary>A stack left supervision.</summary>
    StackRemoved,

    /// <summary>The engine's event stream came back after a gap: everything was re-listed.</summary>
    Reconnected,

    /// <summary>The engine's event stream dropped: restarts wait until the engine answers again.</summary>
    EngineDown,
}
