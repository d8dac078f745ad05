namespace Coxswain.Engine;

public static partial class EngineDiscovery
{
    private static List<DiscoveryCandidate> GetCandidates(EngineDiscoveryOptions options)
    {
        var environment = options.Environment;
        if (options.Host is { } host)
        {
            return [Parse(host, EndpointSources.HostOption)];
        }

        var candidates = new List<DiscoveryCandidate>();
        if (environment.GetVariable("DOCKER_HOST") is { } dockerHost && !string.IsNullOrWhiteSpace(dockerHost))
        {
            candidates.Add(Parse(dockerHost, EndpointSources.DockerHost));
        }

        AddSocket(candidates, environment.DockerSocketPath, EndpointSources.DefaultDockerSocket);
        AddSocket(candidates, environment.PodmanRootfulSocketPath, EndpointSources.PodmanRootfulSocket);
        if (environment.PodmanRootlessSocketPath is { } rootless)
        {
            AddSocket(candidates, rootless, EndpointSources.PodmanRootlessSocket);
        }

        foreach (var path in environment.ScriptEngineSocketPaths)
        {
            AddSocket(candidates, path, EndpointSources.ScriptEngine);
        }

        return candidates;
    }

    private static DiscoveryCandidate Parse(string text, string source)
    {
        text = text.Trim();
        EngineEndpoint endpoint;
        try
        {
            endpoint = new EngineEndpoint(text, source);
        }
        catch (ArgumentException)
        {
            return new DiscoveryCandidate(EngineEndpoint.Unparsed(text, source), EndpointErrors.Malformed(source, text));
        }

        if (endpoint.IsUnixSocket && endpoint.Uri.Host.Length > 0)
        {
            // unix://docker.sock parses with "docker.sock" as a host name and "/" as the path.
            return new DiscoveryCandidate(endpoint, $"{source}=\"{text}\" is not an engine address: a unix address needs three slashes and an absolute path, e.g. unix:///var/run/docker.sock");
        }

        return new DiscoveryCandidate(endpoint);
    }

    private static void AddSocket(List<DiscoveryCandidate> candidates, string path, string source)
    {
        // DOCKER_HOST often names a default socket; try each socket once, under the first name it was found by.
        if (candidates.Any(c => c.Endpoint.IsUnixSocket && c.Endpoint.SocketPath == path))
        {
            return;
        }

        candidates.Add(new DiscoveryCandidate(new EngineEndpoint("unix://" + path, source)));
    }
}
