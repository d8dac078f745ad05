namespace Coxswain.Plans;

/// <summary>A place in a plan file: file, 1-based line and column.</summary>
/// <param name="File">The file name or path as given to the loader.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public sealed record SourceLocation(string File, int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}:{Column}";
}
