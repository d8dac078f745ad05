namespace Coxswain.Engine.Testing;

/// <summary>How the default shell treats a command it does not emulate (e.g. <c>redis-server</c>) in a container's main process.</summary>
public enum UnknownCommandMode
{
    /// <summary>Take it for a server: it runs until stopped or killed (the default, so images of real services just run).</summary>
    RunUntilStopped,

    /// <summary>Behave as a real engine does when the binary is missing: a start of <c>["x"]</c> fails (exit code 127,
    /// "executable file not found in $PATH") and <c>x</c> inside <c>sh -c</c> prints "sh: x: not found" and exits 127.</summary>
    NotFound,
}
