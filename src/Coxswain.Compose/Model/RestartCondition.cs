namespace Coxswain.Compose;

/// <summary>The <c>restart</c> policy of a service.</summary>
public enum RestartCondition
{
    /// <summary><c>no</c>: never restart.</summary>
    No,

    /// <summary><c>always</c>: restart whenever it stops, and when the engine or Coxswain starts.</summary>
    Always,

    /// <summary><c>on-failure[:n]</c>: restart when it exits non-zero, at most n times when given.</summary>
    OnFailure,

    /// <summary><c>unless-stopped</c>: like always, except after a stop someone asked for.</summary>
    UnlessStopped,
}
