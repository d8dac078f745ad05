namespace Coxswain.Engine.Testing;

/// <summary>What a scripted exec prints and how it exits, after <see cref="Delay"/> on the engine's clock.</summary>
public sealed record ScriptedExecResult(long ExitCode, string Stdout = "", string Stderr = "")
{
    /// <summary>How long the command takes (measured on the engine's <see cref="TimeProvider"/>).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Exit code 0 with <paramref name="stdout"/>.</summary>
    public static ScriptedExecResult Success(string stdout = "") => new(0, stdout);

    /// <summary>A failure with <paramref name="exitCode"/> and <paramref name="stderr"/>.</summary>
    public static ScriptedExecResult Failure(long exitCode = 1, string stderr = "") => new(exitCode, "", stderr);
}
