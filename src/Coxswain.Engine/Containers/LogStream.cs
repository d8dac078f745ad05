namespace Coxswain.Engine;

/// <summary>Which stream a line came from.</summary>
public enum LogStream
{
    /// <summary>Standard output (also everything from a TTY).</summary>
    Stdout = 1,

    /// <summary>Standard error.</summary>
    Stderr = 2,
}
