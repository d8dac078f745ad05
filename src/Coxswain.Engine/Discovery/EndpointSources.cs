namespace Coxswain.Engine;

/// <summary>The values of <see cref="EngineEndpoint.Source"/> that <see cref="EngineDiscovery"/> gives, in the order it tries them.</summary>
public static class EndpointSources
{
    /// <summary>The <c>--host</c> option given on the command line (tried alone when given).</summary>
    public const string HostOption = "--host";

    /// <summary>The <c>DOCKER_HOST</c> environment variable.</summary>
    public const string DockerHost = "DOCKER_HOST";

    /// <summary><c>unix:///var/run/docker.sock</c>.</summary>
    public const string DefaultDockerSocket = "default Docker socket";

    /// <summary><c>unix:///run/podman/podman.sock</c>.</summary>
    public const string PodmanRootfulSocket = "Podman rootful socket";

    /// <summary><c>$XDG_RUNTIME_DIR/podman/podman.sock</c>.</summary>
    public const string PodmanRootlessSocket = "Podman rootless socket";

    /// <summary>A private engine started by <c>scripts/engines.sh start</c> (<c>/run/cox-test/*.sock</c>).</summary>
    public const string ScriptEngine = "engine started by scripts/engines.sh";

    /// <summary>A <c>podman system service</c> that discovery started because nothing else answered.</summary>
    public const string StartedPodmanService = "podman service started by cox";
}
