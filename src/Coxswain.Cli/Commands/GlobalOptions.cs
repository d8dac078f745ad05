using System.CommandLine;

namespace Coxswain.Cli.Commands;

/// <summary>Options every command accepts. One instance per root command.</summary>
internal sealed class GlobalOptions
{
    /// <summary><c>--host</c> / <c>-H</c>: the engine to use, instead of discovery.</summary>
    public Option<string?> Host { get; } = new("--host", "-H")
    {
        Description = "Engine to use: unix:///path/to.sock or tcp://host:port. "
            + "Default: DOCKER_HOST, then the Docker socket, then Podman's sockets, then the engines scripts/engines.sh starts, then a podman service cox starts itself",
        HelpName = "address",
        Recursive = true,
    };

    /// <summary>Adds the global options to the root command.</summary>
    public void AddTo(RootCommand root) => root.Options.Add(Host);
}
