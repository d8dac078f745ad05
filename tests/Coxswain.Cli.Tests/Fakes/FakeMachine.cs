using Coxswain.Engine;

namespace Coxswain.Cli.Tests.Fakes;

/// <summary>A machine for discovery tests: chosen variables, existing paths and executables, and one fake client per address.</summary>
internal sealed class FakeMachine
{
    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

    public HashSet<string> ExistingPaths { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Executables { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, FakeEngineClient> Clients { get; } = new(StringComparer.Ordinal);

    public List<FakeEngineClient> Created { get; } = [];

    /// <summary>The sockets of scripts/engines.sh; none unless a test is about them.</summary>
    public List<string> ScriptEngineSockets { get; } = [];

    public DiscoveryEnvironment Environment => new()
    {
        GetVariable = name => Variables.TryGetValue(name, out var value) ? value : null,
        FindExecutable = name => Executables.TryGetValue(name, out var path) ? path : null,
        PathExists = ExistingPaths.Contains,
        DockerSocketPath = "/fake/docker.sock",
        PodmanRootfulSocketPath = "/fake/podman/podman.sock",
        ScriptEngineSocketPaths = ScriptEngineSockets,
        TempDirectory = "/fake/tmp",
        UserId = "1000",
        ProcessId = 77,
    };

    /// <summary>An engine at a unix socket that exists and answers (or not, as the client is set up).</summary>
    public FakeEngineClient Socket(string path, Action<FakeEngineClient>? setup = null)
    {
        ExistingPaths.Add(path);
        return Client("unix://" + path, setup);
    }

    public FakeEngineClient Client(string address, Action<FakeEngineClient>? setup = null)
    {
        var client = new FakeEngineClient(address);
        setup?.Invoke(client);
        Clients[address] = client;
        return client;
    }

    /// <summary>Hands out the prepared client for an address (with the endpoint's source), or one that refuses.</summary>
    public IEngineClient Create(EngineEndpoint endpoint)
    {
        var prepared = Clients.TryGetValue(endpoint.Address, out var c) ? c : null;
        var client = new FakeEngineClient(endpoint.Address, endpoint.Source)
        {
            OnPing = prepared?.OnPing ?? (_ => throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused)),
            OnVersion = prepared?.OnVersion ?? (_ => throw new InvalidOperationException("no version")),
        };
        lock (Created)
        {
            Created.Add(client);
        }

        return client;
    }

    public EngineDiscoveryOptions Options(TimeProvider? time = null, IPodmanServiceStarter? starter = null, List<string>? log = null) => new()
    {
        Environment = Environment,
        ClientFactory = Create,
        PodmanStarter = starter ?? new FakePodmanStarter(),
        TimeProvider = time ?? TimeProvider.System,
        Log = log is null ? null : log.Add,
    };
}
