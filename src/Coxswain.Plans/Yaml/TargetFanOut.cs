namespace Coxswain.Plans.Yaml;

/// <summary>
/// <c>target: _all</c>: a task that runs once per entry of the plan's <c>targets</c>, as tasks named
/// <c>name@target</c> (in the order the targets are written). A dependency on a fanned-out task means
/// its instance on the same target when the dependent is fanned out too, and all its instances
/// otherwise; <c>when</c> reads the same instances (<c>changed</c> and <c>failed</c> hold if any
/// instance does, <c>unchanged</c>, <c>skipped</c> and <c>succeeded</c> if all do).
/// </summary>
internal sealed class TargetFanOut
{
    /// <summary>The target value that fans a task out to every target: "_all".</summary>
    public const string AllTargets = "_all";

    private readonly HashSet<string> fanned;
    private readonly string[] targets;

    public TargetFanOut(IEnumerable<string> fannedTasks, IEnumerable<string> targets)
    {
        fanned = new HashSet<string>(fannedTasks, StringComparer.Ordinal);
        this.targets = [.. targets];
    }

    /// <summary>True when no task is fanned out.</summary>
    public bool IsEmpty => fanned.Count == 0;

    /// <summary>The YAML task a plan task came from: "web@a" → "web".</summary>
    public static string DraftName(string taskName) => taskName.IndexOf('@', StringComparison.Ordinal) is var at and > 0 ? taskName[..at] : taskName;

    /// <summary>The plan tasks (name, target) a YAML task becomes.</summary>
    public IEnumerable<(string Name, string? Target)> Instances(string task, string? target) =>
        fanned.Contains(task) ? targets.Select(t => ($"{task}@{t}", (string?)t)) : [(task, target)];

    /// <summary>The plan tasks that a reference to <paramref name="name"/> means, from an instance of <paramref name="from"/> on <paramref name="fromTarget"/>.</summary>
    public IReadOnlyList<string> Resolve(string name, string from, string? fromTarget)
    {
        if (!fanned.Contains(name))
        {
            return [name];
        }

        return fanned.Contains(from) && fromTarget is not null ? [$"{name}@{fromTarget}"] : [.. targets.Select(t => $"{name}@{t}")];
    }
}
