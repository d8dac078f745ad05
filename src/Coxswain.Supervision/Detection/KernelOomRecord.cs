namespace Coxswain.Supervision;

/// <summary>One <c>oom-kill:</c> record of the kernel log, attributed to a container by the id in its cgroup path.</summary>
/// <param name="Sequence">The kernel's record sequence number (unique while the machine runs).</param>
/// <param name="Uptime">The kernel's timestamp of the record: time since boot.</param>
/// <param name="ContainerId">The 64-hex-digit container id found in the killed task's cgroup (<c>task_memcg</c>, else <c>oom_memcg</c>).</param>
/// <param name="Task">The killed process's name.</param>
/// <param name="Pid">The killed process's host pid.</param>
public sealed record KernelOomRecord(long Sequence, TimeSpan Uptime, string ContainerId, string Task, long Pid)
{
    /// <summary>When it happened on the wall clock: when the record was read as it came, or estimated from the boot time for
    /// records that were already in the log when reading began.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>True when <see cref="At"/> is an estimate (the record was in the log before reading began).</summary>
    public bool Estimated { get; init; }
}
