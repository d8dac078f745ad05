namespace Coxswain.Engine.Testing;

/// <summary>Why a run ended: the engine's restart policy applies to all but <see cref="Killed"/>.</summary>
internal enum ExitCause
{
    /// <summary>The program returned (or a crash was injected).</summary>
    Exited,

    /// <summary>Killed through the API (kill, stop, forced removal).</summary>
    Killed,

    /// <summary>The OOM killer.</summary>
    OutOfMemory,
}
