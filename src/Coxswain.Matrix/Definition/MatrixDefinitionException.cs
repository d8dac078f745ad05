namespace Coxswain.Matrix;

/// <summary>The matrix file or the flags are wrong: every problem found, each naming the file, key or target and what to do.</summary>
public sealed class MatrixDefinitionException : Exception
{
    /// <summary>Creates the error from the problems found.</summary>
    public MatrixDefinitionException(IReadOnlyList<string> problems)
        : base(problems.Count == 1 ? problems[0] : "the matrix is not valid:\n  - " + string.Join("\n  - ", problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem, one sentence each.</summary>
    public IReadOnlyList<string> Problems { get; }
}
