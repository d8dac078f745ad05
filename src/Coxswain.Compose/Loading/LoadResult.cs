namespace Coxswain.Compose;

/// <summary>What came of a load: the project when there was no error, and every diagnostic, errors and warnings, in file order.</summary>
/// <param name="Project">The project, or null when there were errors.</param>
/// <param name="Diagnostics">Every error and warning.</param>
public sealed record LoadResult(ComposeProject? Project, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The variables interpolation used (env files overlaid with the process environment); they may hold secrets, so they are never printed by <c>ToYaml</c>/<c>ToJson</c>.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = ModelDefaults.EmptyMap;

    /// <summary>True when the project loaded (no errors).</summary>
    public bool Succeeded => Project is not null;

    /// <summary>The errors.</summary>
    public IReadOnlyList<Diagnostic> Errors => Diagnostics.Where(d => d.IsError).ToList();

    /// <summary>The warnings.</summary>
    public IReadOnlyList<Diagnostic> Warnings => Diagnostics.Where(d => !d.IsError).ToList();

    /// <summary>The project, or an exception whose message lists every error in compiler form.</summary>
    /// <returns>The project.</returns>
    /// <exception cref="ComposeLoadException">When there were errors.</exception>
    public ComposeProject GetProjectOrThrow() => Project ?? throw new ComposeLoadException(Errors);
}
