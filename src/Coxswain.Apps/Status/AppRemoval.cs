namespace Coxswain.Apps;

/// <summary>What <see cref="AppManager.RemoveAsync"/> did.</summary>
/// <param name="Id">The app id.</param>
/// <param name="Removed">What was removed (containers, networks, volumes).</param>
/// <param name="PreservedVolumes">Volumes kept because data was preserved.</param>
public sealed record AppRemoval(string Id, IReadOnlyList<string> Removed, IReadOnlyList<string> PreservedVolumes);
