namespace Coxswain.Matrix;

/// <summary>A declared bind mount: an absolute host path, where it appears in the container, and whether it is read-only.</summary>
/// <param name="Source">Absolute host path.</param>
/// <param name="Target">Absolute path in the container.</param>
/// <param name="ReadOnly">Mount it read-only.</param>
public sealed record MountDeclaration(string Source, string Target, bool ReadOnly);
