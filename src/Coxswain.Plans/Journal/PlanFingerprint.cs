using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Coxswain.Plans.Journal;

/// <summary>
/// The hash of a plan definition: one hash per task over everything that defines it (operation
/// fingerprint, dependencies, conditions, strategy, timeout, target), and a plan hash over the
/// tasks sorted by name (so reordering tasks does not change it).
/// </summary>
internal sealed class PlanFingerprint
{
    private PlanFingerprint(string hash, KeyValuePair<string, string>[] tasks)
    {
        Hash = hash;
        Tasks = tasks;
    }

    public string Hash { get; }

    public KeyValuePair<string, string>[] Tasks { get; }

    public static PlanFingerprint Compute(IReadOnlyList<PlanTask> tasks)
    {
        var text = new StringBuilder();
        var entries = new KeyValuePair<string, string>[tasks.Count];
        Span<byte> digest = stackalloc byte[32];
        for (var i = 0; i < tasks.Count; i++)
        {
            var t = tasks[i];
            text.Clear()
                .Append(t.Name).Append('\n')
                .Append(t.Operation.Kind).Append('\n')
                .Append(t.Operation.Fingerprint).Append('\n')
                .AppendJoin(',', t.Dependencies.Order(StringComparer.Ordinal)).Append('\n')
                .Append(t.RunsOnlyIfChanged ? "only-if-changed" : "").Append('\n')
                .Append(t.Guard is null ? "" : t.GuardDescription ?? "custom guard").Append('\n')
                .Append(t.RunsIfDependenciesFailed ? "even-if-failed" : "").Append('\n')
                .Append(t.ErrorStrategy?.ToString() ?? "plan default").Append('\n')
                .Append(t.Timeout?.Ticks.ToString(CultureInfo.InvariantCulture) ?? "").Append('\n')
                .Append(t.Target ?? "");
            SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()), digest);
            entries[i] = new(t.Name, Convert.ToHexStringLower(digest[..8]));
        }

        var sorted = (KeyValuePair<string, string>[])entries.Clone();
        Array.Sort(sorted, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        using var plan = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, hash) in sorted)
        {
            plan.AppendData(Encoding.UTF8.GetBytes($"{name}={hash}\n"));
        }

        return new PlanFingerprint(Convert.ToHexStringLower(plan.GetHashAndReset().AsSpan(0, 8)), entries);
    }
}
