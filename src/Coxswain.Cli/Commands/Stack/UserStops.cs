using System.Globalization;
using Coxswain.Engine;

namespace Coxswain.Cli.Commands.Stack;

/// <summary>
/// Remembers which containers a person stopped with <c>cox stop</c> (container id and when), so <c>cox ps</c> shows
/// "stopped" for them instead of "killed" or "crashed (exit 143)": the engine cannot tell a requested stop from a crash.
/// A record counts for the run of the container that was going when the stop was asked (started before it, ended after
/// it); a later run that crashes is shown as crashed. Kept in <c>&lt;data-dir&gt;/stops/&lt;project&gt;</c>.
/// </summary>
internal sealed class UserStops(CliContext context, string project)
{
    private const int Kept = 1000;

    private string File => Path.Combine(context.DaemonPaths.DataDirectory, "stops", project);

    /// <summary>Records that a person asked to stop <paramref name="containerIds"/> now.</summary>
    public async Task RecordAsync(IEnumerable<string> containerIds, CancellationToken ct)
    {
        var at = context.Time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var lines = Read().Select(r => $"{r.Key} {r.Value.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}")
            .Concat(containerIds.Select(id => $"{id} {at}")).TakeLast(Kept);
        Directory.CreateDirectory(Path.GetDirectoryName(File)!);
        await System.IO.File.WriteAllLinesAsync(File, lines, ct).ConfigureAwait(false);
    }

    /// <summary>True when the container's last run ended because a person asked for the stop.</summary>
    public bool AskedFor(string containerId, ContainerState state, IReadOnlyDictionary<string, DateTimeOffset> records) =>
        records.TryGetValue(containerId, out var at) && state.StartedAt is { } started && started <= at && state.FinishedAt is { } finished && finished >= at;

    /// <summary>The records: container id → when the stop was asked (the latest per container).</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> Read()
    {
        var records = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        if (!System.IO.File.Exists(File))
        {
            return records;
        }

        foreach (var line in System.IO.File.ReadLines(File))
        {
            var parts = line.Split(' ');
            if (parts.Length == 2 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
            {
                records[parts[0]] = DateTimeOffset.FromUnixTimeMilliseconds(ms);
            }
        }

        return records;
    }
}
