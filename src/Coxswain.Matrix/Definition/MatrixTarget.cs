namespace Coxswain.Matrix;

/// <summary>One target of a matrix (a distribution, say): its name, its Dockerfile in the build context, and its build arguments.</summary>
/// <param name="Name">Lower-case name: letters, digits, '.', '_' and '-', starting with a letter or digit.</param>
/// <param name="Dockerfile">Path of the Dockerfile inside the build context.</param>
/// <param name="BuildArgs">Build arguments (the shared ones merged with the target's own).</param>
public sealed record MatrixTarget(string Name, string Dockerfile, IReadOnlyDictionary<string, string> BuildArgs);
