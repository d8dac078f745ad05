namespace Coxswain.Stacks;

/// <summary>The colour a container state is shown in (DESIGN.md, "Container state shown to people").</summary>
public enum StateColor
{
    /// <summary>Nothing to worry about, nothing running (created, stopped).</summary>
    Gray,

    /// <summary>Running or healthy.</summary>
    Green,

    /// <summary>In transition (starting, restarting, paused).</summary>
    Yellow,

    /// <summary>Needs attention (unhealthy, killed, crashed).</summary>
    Red,
}
