namespace Coxswain.Engine;

/// <summary>What a finished command printed and how it exited.</summary>
public sealed record ExecResult(long ExitCode, string Stdout, string Stderr)
{
    /// <summary>Stdout and stderr, as one text, for messages.</summary>
    public string Output => Stderr.Length == 0 ? Stdout : Stdout.Length == 0 ? Stderr : Stdout + "\n" + Stderr;
}
