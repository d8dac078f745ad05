namespace Coxswain.Matrix;

/// <summary>Which of the terminal's streams a line goes to.</summary>
public enum OutputStream
{
    /// <summary>Standard output.</summary>
    Out,

    /// <summary>Standard error.</summary>
    Error,
}
