namespace Coxswain.Compose;

/// <summary>Where a value was written: a file (as shown to people, usually relative to the project directory), a 1-based line and a 1-based column.</summary>
/// <param name="File">The file as shown in messages.</param>
/// <param name="Line">1-based line; 0 when the whole file is meant.</param>
/// <param name="Column">1-based column; 0 when the whole file or line is meant.</param>
public sealed record SourceLocation(string File, int Line, int Column)
{
    /// <summary>A location that names a file only (an I/O error, an empty file).</summary>
    /// <param name="file">The file as shown in messages.</param>
    /// <returns>The location.</returns>
    public static SourceLocation FileOnly(string file) => new(file, 0, 0);

    /// <summary>The compiler form: <c>file:line:column</c>, or <c>file</c> when no line is known.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Line <= 0 ? File : Column <= 0 ? $"{File}:{Line}" : $"{File}:{Line}:{Column}";
}
