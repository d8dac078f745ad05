namespace Coxswain.Compose;

/// <summary>One <c>env_file</c> of a service.</summary>
/// <param name="Path">The absolute path of the file.</param>
/// <param name="Required">False when a missing file is skipped (<c>required: false</c>).</param>
public sealed record EnvFileReference(string Path, bool Required = true);
