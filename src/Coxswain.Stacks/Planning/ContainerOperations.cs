namespace Coxswain.Stacks;

/// <summary>Create a container that does not exist.</summary>
/// <param name="Container">What to create.</param>
/// <param name="Cause">Why.</param>
public sealed record CreateContainerOperation(DesiredContainer Container, string Cause) : StackOperation("create container " + Container?.Name, Cause)
{
    /// <inheritdoc/>
    public override string? Service => Container.Service.Name;
}

/// <summary>Replace a container whose config hash drifted: stop and remove the old one, create the new one.</summary>
/// <param name="Old">The container on the engine.</param>
/// <param name="Container">What replaces it.</param>
/// <param name="Cause">Why (old → new hash).</param>
public sealed record RecreateContainerOperation(ObservedContainer Old, DesiredContainer Container, string Cause) : StackOperation("recreate container " + Container?.Name, Cause)
{
    /// <inheritdoc/>
    public override string? Service => Container.Service.Name;
}

/// <summary>Start a container.</summary>
/// <param name="Container">The container name.</param>
/// <param name="ServiceName">Its service.</param>
/// <param name="Cause">Why.</param>
public sealed record StartContainerOperation(string Container, string ServiceName, string Cause) : StackOperation("start container " + Container, Cause)
{
    /// <inheritdoc/>
    public override string? Service => ServiceName;
}

/// <summary>Restart a running container (a dependency with <c>restart: true</c> was replaced).</summary>
/// <param name="Container">The container name.</param>
/// <param name="ServiceName">Its service.</param>
/// <param name="Timeout">Stop timeout (stop_grace_period).</param>
/// <param name="Cause">Why.</param>
public sealed record RestartContainerOperation(string Container, string ServiceName, TimeSpan? Timeout, string Cause) : StackOperation("restart container " + Container, Cause)
{
    /// <inheritdoc/>
    public override string? Service => ServiceName;
}

/// <summary>Stop a running container (its stop_signal is in its config; the timeout is stop_grace_period or -t).</summary>
/// <param name="Container">The container name.</param>
/// <param name="ServiceName">Its service.</param>
/// <param name="Timeout">How long to wait before the kill; null = the container's own.</param>
/// <param name="Signal">The stop signal, for the text only (the engine takes it from the container).</param>
/// <param name="Cause">Why.</param>
public sealed record StopContainerOperation(string Container, string ServiceName, TimeSpan? Timeout, string? Signal, string Cause) : StackOperation("stop container " + Container, Cause)
{
    /// <inheritdoc/>
    public override string? Service => ServiceName;
}

/// <summary>Remove a container (an orphan, a slot beyond the scale, or everything on down); stopped first when still running.</summary>
/// <param name="Container">The container name.</param>
/// <param name="ServiceName">Its service.</param>
/// <param name="Timeout">Stop timeout when it still runs.</param>
/// <param name="Cause">Why.</param>
public sealed record RemoveContainerOperation(string Container, string ServiceName, TimeSpan? Timeout, string Cause) : StackOperation("remove container " + Container, Cause)
{
    /// <inheritdoc/>
    public override string? Service => ServiceName;
}

/// <summary>Wait until a service's containers meet a condition (depends_on, or --wait).</summary>
/// <param name="ServiceName">The service.</param>
/// <param name="Condition">The condition.</param>
/// <param name="Containers">Its container names.</param>
/// <param name="Cause">Why.</param>
public sealed record WaitOperation(string ServiceName, WaitCondition Condition, IReadOnlyList<string> Containers, string Cause)
    : StackOperation($"wait for {ServiceName} {WaitConditions.Text(Condition)}", Cause)
{
    /// <inheritdoc/>
    public override string? Service => ServiceName;

    /// <inheritdoc/>
    public override bool Mutates => false;
}
