using System.Text;

namespace Coxswain.Supervision;

/// <summary>What the supervisor found of a stack when it took it over (at its start, or when the stack was added).</summary>
/// <param name="Project">The stack.</param>
public sealed record AdoptionReport(string Project)
{
    /// <summary>Containers found by label with the current config, kept as they are.</summary>
    public IReadOnlyList<string> Adopted { get; init; } = [];

    /// <summary>Containers found whose config drifted, recreated.</summary>
    public IReadOnlyList<string> Recreated { get; init; } = [];

    /// <summary>Containers of the project for services no longer in the file (or slots beyond the scale), removed.</summary>
    public IReadOnlyList<string> Removed { get; init; } = [];

    /// <summary>Containers with a name Coxswain would use but without its labels: not ours, left alone.</summary>
    public IReadOnlyList<string> LeftAlone { get; init; } = [];

    /// <summary>Containers missing, created.</summary>
    public IReadOnlyList<string> Created { get; init; } = [];

    /// <summary>Containers found stopped (or stuck in created), started in dependency order.</summary>
    public IReadOnlyList<string> Started { get; init; } = [];

    /// <summary>Services not brought back: stopped by a person, or failed.</summary>
    public IReadOnlyList<string> NotStarted { get; init; } = [];

    /// <summary>Operations that were in flight when the daemon last stopped, finished by this convergence.</summary>
    public IReadOnlyList<string> Resumed { get; init; } = [];

    /// <summary>Errors of the convergence (a service that did not come back), each saying what failed.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>The report as one log line per category with content, e.g. "adopted 3 (a, b, c); recreated (drifted) 1 (d)".</summary>
    /// <returns>The text.</returns>
    public string ToText()
    {
        var text = new StringBuilder($"stack {Project}: ");
        var parts = new List<string>();
        Add(parts, "adopted", Adopted, always: true);
        Add(parts, "recreated (drifted)", Recreated, always: true);
        Add(parts, "removed (orphaned)", Removed, always: true);
        Add(parts, "left alone (not ours)", LeftAlone, always: true);
        Add(parts, "created", Created);
        Add(parts, "started", Started);
        Add(parts, "not started (stopped by user or failed)", NotStarted);
        Add(parts, "resumed", Resumed);
        Add(parts, "errors", Errors);
        return text.Append(string.Join("; ", parts)).ToString();
    }

    private static void Add(List<string> parts, string label, IReadOnlyList<string> items, bool always = false)
    {
        if (items.Count > 0)
        {
            parts.Add($"{label} {items.Count} ({string.Join(", ", items)})");
        }
        else if (always)
        {
            parts.Add($"{label} 0");
        }
    }
}
