namespace Coxswain.Matrix;

/// <summary>A variable the user names that <c>-vv</c> adds to every container (e.g. <c>RUST_LOG=debug</c>).</summary>
/// <param name="Name">The variable's name.</param>
/// <param name="Value">Its value at <c>-vv</c>.</param>
public sealed record LogLevelVariable(string Name, string Value);
