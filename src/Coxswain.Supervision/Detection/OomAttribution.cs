namespace Coxswain.Supervision;

/// <summary>Decides which kernel OOM-kill record, if any, belongs to a container's last run. Pure.</summary>
public static class OomAttribution
{
    /// <summary>How far an estimated record time may be off (a record that was in the kernel log before reading began).</summary>
    public static readonly TimeSpan EstimateSlack = TimeSpan.FromSeconds(2);

    /// <summary>How late a record read as it came may be seen after the engine's finish time.</summary>
    public static readonly TimeSpan ReadSlack = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The first record for <paramref name="containerId"/> not already <paramref name="consumed"/> whose time falls in the run
    /// from <paramref name="startedAt"/> to <paramref name="finishedAt"/>, or null. A record read as it came must be no earlier
    /// than the start (the kernel writes it before the kill); an estimated one gets <see cref="EstimateSlack"/> either side.
    /// A container restarted in place keeps its id, so consumed records (attributed to an earlier run) never count again.
    /// </summary>
    /// <param name="records">The OOM-kill records known.</param>
    /// <param name="containerId">The container's full id.</param>
    /// <param name="startedAt">When its last run started (null: unknown, any time counts).</param>
    /// <param name="finishedAt">When its last run ended (null: unknown, no upper bound).</param>
    /// <param name="consumed">Sequence numbers already attributed.</param>
    /// <returns>The record, or null.</returns>
    public static KernelOomRecord? Find(
        IEnumerable<KernelOomRecord> records, string containerId, DateTimeOffset? startedAt, DateTimeOffset? finishedAt, IReadOnlySet<long> consumed)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(consumed);
        return records.FirstOrDefault(r =>
        {
            if (!string.Equals(r.ContainerId, containerId, StringComparison.OrdinalIgnoreCase) || consumed.Contains(r.Sequence))
            {
                return false;
            }

            var before = r.Estimated ? EstimateSlack : TimeSpan.Zero;
            var after = r.Estimated ? EstimateSlack : ReadSlack;
            return (startedAt is not { } start || r.At >= start - before) && (finishedAt is not { } end || r.At <= end + after);
        });
    }
}
