namespace Coxswain.Engine;

/// <summary>The engine's container status values.</summary>
public enum ContainerStatus
{
    /// <summary>Created, never started.</summary>
    Created,

    /// <summary>Running.</summary>
    Running,

    /// <summary>Paused.</summary>
    Paused,

    /// <summary>Being restarted by the engine's restart policy.</summary>
    Restarting,

    /// <summary>Being removed.</summary>
    Removing,

    /// <summary>Stopped (its main process exited).</summary>
    Exited,

    /// <summary>Dead: the engine failed to stop or remove it.</summary>
    Dead,
}
