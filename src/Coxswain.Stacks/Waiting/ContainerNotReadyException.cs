namespace Coxswain.Stacks;

/// <summary>
/// A container did not become ready: it exited, its condition failed (a one-shot exited non-zero, a probe made it
/// unhealthy), the wait timed out, or it was removed. The message names the service and container, the condition,
/// how long Coxswain waited, the exit code, the last probe results and the tail of the log, and what to do.
/// </summary>
public sealed class ContainerNotReadyException : Exception
{
    internal ContainerNotReadyException(NotReadyFacts facts)
        : base(NotReadyMessage.Build(facts))
    {
        Reason = facts.Reason;
        Service = facts.Service;
        ContainerId = facts.Container.Id;
        ContainerName = facts.Container.Name;
        Condition = facts.Condition;
        Detail = facts.Detail;
        Waited = facts.Waited;
        Timeout = facts.Timeout;
        ExitCode = facts.Exited ? facts.Container.State.ExitCode : null;
        OomKilled = facts.Exited && facts.Container.State.OomKilled;
        LogTail = facts.LogTail;
        Probes = facts.Probes;
    }

    /// <summary>Why the wait ended.</summary>
    public NotReadyReason Reason { get; }

    /// <summary>The Compose service, when the caller named it.</summary>
    public string? Service { get; }

    /// <summary>The container's full id.</summary>
    public string ContainerId { get; }

    /// <summary>The container's name.</summary>
    public string ContainerName { get; }

    /// <summary>What was awaited ("running", "healthy", "completed successfully", ...).</summary>
    public string Condition { get; }

    /// <summary>The condition's last word on why it did not hold ("it exited with code 3", "it is unhealthy: 3 probes failed in a row").</summary>
    public string Detail { get; }

    /// <summary>How long Coxswain waited.</summary>
    public TimeSpan Waited { get; }

    /// <summary>The wait's timeout, when it had one.</summary>
    public TimeSpan? Timeout { get; }

    /// <summary>The exit code, when the container had exited; null while it runs.</summary>
    public long? ExitCode { get; }

    /// <summary>Whether the kernel's OOM killer ended the container.</summary>
    public bool OomKilled { get; }

    /// <summary>The last lines of the container's log, oldest first.</summary>
    public IReadOnlyList<string> LogTail { get; }

    /// <summary>The last probe results, oldest first, when the condition was health.</summary>
    public IReadOnlyList<ProbeResult> Probes { get; }
}
