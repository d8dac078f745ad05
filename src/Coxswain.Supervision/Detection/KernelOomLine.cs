using System.Globalization;
using System.Text.RegularExpressions;

namespace Coxswain.Supervision;

/// <summary>
/// Reads the kernel's OOM-kill record out of one <c>/dev/kmsg</c> line. Pure. A line looks like
/// <c>6,1234,11255525596,-;oom-kill:constraint=CONSTRAINT_MEMCG,...,oom_memcg=/libpod_parent/libpod-&lt;id&gt;,task_memcg=/libpod_parent/libpod-&lt;id&gt;,task=sh,pid=4067,uid=0</c>:
/// priority, sequence number, microseconds since boot, flags, then the message. Every engine's cgroup path (cgroupfs
/// <c>/docker/&lt;id&gt;</c>, <c>/libpod_parent/libpod-&lt;id&gt;</c>, systemd <c>…/docker-&lt;id&gt;.scope</c>,
/// <c>…/libpod-&lt;id&gt;.scope/container</c>) holds the full container id.
/// </summary>
public static partial class KernelOomLine
{
    /// <summary>The record, or null when the line is not an OOM kill of a process inside a container.</summary>
    /// <param name="line">One record as <c>/dev/kmsg</c> returns it (continuation lines are ignored).</param>
    /// <returns>The record, or null.</returns>
    public static KernelOomRecord? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var split = line.IndexOf(';', StringComparison.Ordinal);
        if (split < 0)
        {
            return null;
        }

        var message = line[(split + 1)..];
        var end = message.IndexOf('\n', StringComparison.Ordinal);
        message = end >= 0 ? message[..end] : message;
        if (!message.StartsWith("oom-kill:", StringComparison.Ordinal))
        {
            return null;
        }

        var header = line[..split].Split(',');
        if (header.Length < 3
            || !long.TryParse(header[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || !long.TryParse(header[2], NumberStyles.None, CultureInfo.InvariantCulture, out var micros))
        {
            return null;
        }

        var fields = message["oom-kill:".Length..].Split(',')
            .Select(f => f.Split('=', 2))
            .Where(kv => kv.Length == 2)
            .GroupBy(kv => kv[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);
        var id = IdIn(fields.GetValueOrDefault("task_memcg")) ?? IdIn(fields.GetValueOrDefault("oom_memcg"));
        if (id is null)
        {
            return null;
        }

        _ = long.TryParse(fields.GetValueOrDefault("pid"), NumberStyles.None, CultureInfo.InvariantCulture, out var pid);
        return new KernelOomRecord(sequence, TimeSpan.FromMicroseconds(micros), id, fields.GetValueOrDefault("task") ?? "", pid);
    }

    private static string? IdIn(string? cgroup)
    {
        if (string.IsNullOrEmpty(cgroup))
        {
            return null;
        }

        var matches = ContainerId().Matches(cgroup);
        return matches.Count == 0 ? null : matches[^1].Value;
    }

    [GeneratedRegex("(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])", RegexOptions.CultureInvariant)]
    private static partial Regex ContainerId();
}
