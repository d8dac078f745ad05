namespace Coxswain.Engine.Testing;

/// <summary>What the in-memory shell does with a command it does not emulate.</summary>
internal enum UnknownCommandBehavior
{
    /// <summary>Treat it as a server: it runs until the process is killed (a container's main process, by default).</summary>
    RunUntilKilled,

    /// <summary>"sh: X: not found", exit 127 (execs).</summary>
    NotFound,

    /// <summary>Succeed silently (RUN steps of a build).</summary>
    Succeed,
}
