namespace Coxswain.Plans.Yaml;

/// <summary>A plan loaded from YAML: the runnable <see cref="Plan"/> and what the file declared around it.</summary>
/// <param name="Plan">The plan, validated and ready to run.</param>
/// <param name="Source">The file name or source name given to the loader.</param>
/// <param name="Description">The file's <c>description</c>, if any.</param>
/// <param name="Targets">The file's <c>targets</c>: target name → engine endpoint (for the host to resolve).</param>
/// <param name="Variables">The variables in force (file values with overrides applied).</param>
public sealed record YamlPlan(
    Plan Plan,
    string Source,
    string? Description,
    IReadOnlyDictionary<string, string> Targets,
    IReadOnlyDictionary<string, string> Variables);
