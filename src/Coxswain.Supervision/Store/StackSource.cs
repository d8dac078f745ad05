namespace Coxswain.Supervision;

/// <summary>Where a supervised stack's Compose project is loaded from, so the daemon can load it again after a restart.</summary>
/// <param name="Project">The project name.</param>
/// <param name="Files">The Compose files, absolute, in merge order.</param>
/// <param name="WorkingDirectory">The project directory.</param>
public sealed record StackSource(string Project, IReadOnlyList<string> Files, string WorkingDirectory)
{
    /// <summary>The profiles enabled.</summary>
    public IReadOnlyList<string> Profiles { get; init; } = [];
}
