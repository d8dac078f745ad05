using Coxswain.Cli.Engines;
using Coxswain.Engine;

namespace Coxswain.Cli;

/// <summary>Everything a command touches outside itself: output writers, environment variables, whether stdout is a terminal,
/// where engines come from, and the clock. <see cref="FromProcess"/> is the real process; tests build their own.</summary>
internal sealed record CliContext
{
    /// <summary>Standard output.</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Standard error.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>Reads an environment variable (null when unset), e.g. NO_COLOR.</summary>
    public Func<string, string?> GetVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>True when stdout is an interactive terminal (colour and symbols may be used).</summary>
    public bool OutputIsTerminal { get; init; }

    /// <summary>Where the daemon's state, socket and catalog are for this process (its variables, root or not).</summary>
    public Coxswain.Daemon.DaemonPaths DaemonPaths => new(GetVariable, Environment.IsPrivilegedProcess);

    /// <summary>True when stderr is an interactive terminal.</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>Finds and connects to the engine.</summary>
    public required IEngineConnector Engines { get; init; }

    /// <summary>Source of every time measurement and timeout.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The real process: console streams, process environment, discovery on the real machine.</summary>
    public static CliContext FromProcess() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        OutputIsTerminal = !Console.IsOutputRedirected,
        ErrorIsTerminal = !Console.IsErrorRedirected,
        Engines = new DiscoveryEngineConnector(DiscoveryEnvironment.System, TimeProvider.System),
    };
}
