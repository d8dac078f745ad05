using System.Runtime.CompilerServices;
using Coxswain.Engine;

namespace Coxswain.Cli.Tests.Fakes;

/// <summary>A hand-written engine for discovery, image and doctor tests: ping and version are scriptable, images and
/// containers are kept in small in-memory sets, and every call it does not support throws.</summary>
internal sealed class FakeEngineClient(string address = "unix:///fake/engine.sock", string source = "fake") : IEngineClient
{
    private readonly Lock _gate = new();
    private int _nextId;

    public EngineEndpoint Endpoint { get; } = new(address, source);

    /// <summary>What a ping does (default: answers at once).</summary>
    public Func<CancellationToken, Task> OnPing { get; set; } = _ => Task.CompletedTask;

    /// <summary>What the version call answers.</summary>
    public Func<CancellationToken, Task<EngineVersion>> OnVersion { get; set; } =
        _ => Task.FromResult(new EngineVersion(EngineKind.Docker, "99.1.0", "1.41", "1.12") { Os = "linux", Arch = "amd64" });

    public int PingCount;

    public bool Disposed { get; private set; }

    public HashSet<string> Images { get; } = new(StringComparer.Ordinal);

    public List<(string Reference, byte[] Tar)> Imports { get; } = [];

    /// <summary>Awaited inside every import, so a test can hold imports open.</summary>
    public Func<Task> ImportGate { get; set; } = () => Task.CompletedTask;

    public Dictionary<string, FakeContainer> Containers { get; } = new(StringComparer.Ordinal);

    public List<string> RemovedContainers { get; } = [];

    /// <summary>Every container ever created, removed or not.</summary>
    public List<FakeContainer> CreatedContainers { get; } = [];

    public Exception? StartError { get; set; }

    public ExecResult ExecResult { get; set; } = new(3, "cox-doctor\n", "");

    public Task PingAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref PingCount);
        return OnPing(cancellationToken);
    }

    public Task<EngineVersion> GetVersionAsync(CancellationToken cancellationToken = default) => OnVersion(cancellationToken);

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }

    public Task<ImageInfo> InspectImageAsync(string reference, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Images.Contains(reference)
                ? Task.FromResult(new ImageInfo { Id = "sha256:" + reference.GetHashCode(StringComparison.Ordinal).ToString("x8", null), RepoTags = [reference] })
                : throw new EngineNotFoundException($"inspect image {reference}", "image", reference, "No such image: " + reference);
        }
    }

    public async Task<string> ImportImageAsync(Stream rootfsTar, string reference, IProgress<ProgressMessage>? progress = null, CancellationToken cancellationToken = default)
    {
        using var copy = new MemoryStream();
        await rootfsTar.CopyToAsync(copy, cancellationToken);
        await ImportGate();
        lock (_gate)
        {
            Imports.Add((reference, copy.ToArray()));
            Images.Add(reference);
        }

        return "sha256:imported-" + Imports.Count;
    }

    public Task<ContainerCreated> CreateContainerAsync(ContainerSpec spec, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!Images.Contains(spec.Image))
            {
                throw new EngineNotFoundException("create container", "image", spec.Image, "No such image: " + spec.Image);
            }

            var id = "c" + (++_nextId).ToString("d6", null);
            Containers[id] = new FakeContainer(id, spec.Name ?? id, spec);
            CreatedContainers.Add(Containers[id]);
            return Task.FromResult(new ContainerCreated(id, []));
        }
    }

    public Task StartContainerAsync(string idOrName, CancellationToken cancellationToken = default)
    {
        if (StartError is not null)
        {
            throw StartError;
        }

        Find(idOrName).Running = true;
        return Task.CompletedTask;
    }

    public Task RemoveContainerAsync(string idOrName, bool force = false, bool removeVolumes = false, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var container = Containers.Values.FirstOrDefault(c => c.Id == idOrName || c.Name == idOrName)
                ?? throw new EngineNotFoundException($"remove container {idOrName}", "container", idOrName, "No such container: " + idOrName);
            Containers.Remove(container.Id);
            RemovedContainers.Add(container.Name);
        }

        return Task.CompletedTask;
    }

    public Task<string> CreateExecAsync(string containerIdOrName, ExecSpec spec, CancellationToken cancellationToken = default)
    {
        var container = Find(containerIdOrName);
        if (!container.Running)
        {
            throw new EngineConflictException($"exec in container {containerIdOrName}", "container is not running");
        }

        container.Execs.Add(spec.Command);
        return Task.FromResult("exec-" + container.Id);
    }

    public async IAsyncEnumerable<LogLine> StartExecAsync(string execId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var line in ExecResult.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            yield return new LogLine(LogStream.Stdout, line, null);
        }
    }

    public Task<ExecInfo> InspectExecAsync(string execId, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ExecInfo(execId, false, ExecResult.ExitCode));

    private FakeContainer Find(string idOrName)
    {
        lock (_gate)
        {
            return Containers.Values.FirstOrDefault(c => c.Id == idOrName || c.Name == idOrName)
                ?? throw new EngineNotFoundException($"find container {idOrName}", "container", idOrName, "No such container: " + idOrName);
        }
    }

    // Not used by discovery, LocalImages or doctor.
    public Task StopContainerAsync(string idOrName, TimeSpan? timeout = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task KillContainerAsync(string idOrName, string? signal = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task RestartContainerAsync(string idOrName, TimeSpan? timeout = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<long> WaitContainerAsync(string idOrName, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<ContainerInfo> InspectContainerAsync(string idOrName, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<ContainerSummary>> ListContainersAsync(ContainerListOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task RenameContainerAsync(string idOrName, string newName, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public IAsyncEnumerable<LogLine> GetLogsAsync(string idOrName, LogOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<ContainerStats> GetStatsAsync(string idOrName, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public IAsyncEnumerable<ContainerStats> StreamStatsAsync(string idOrName, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<ImageSummary>> ListImagesAsync(IReadOnlyList<string>? labels = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task PullImageAsync(string reference, IProgress<ProgressMessage>? progress = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<string> BuildImageAsync(Stream contextTar, BuildOptions options, IProgress<ProgressMessage>? progress = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task TagImageAsync(string source, string target, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task RemoveImageAsync(string reference, bool force = false, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<string> CreateNetworkAsync(NetworkSpec spec, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<NetworkInfo> InspectNetworkAsync(string idOrName, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<NetworkInfo>> ListNetworksAsync(IReadOnlyList<string>? labels = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task ConnectNetworkAsync(string network, string container, IReadOnlyList<string>? aliases = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task DisconnectNetworkAsync(string network, string container, bool force = false, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task RemoveNetworkAsync(string idOrName, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<string>> PruneNetworksAsync(IReadOnlyList<string>? labels = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<VolumeInfo> CreateVolumeAsync(VolumeSpec spec, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<VolumeInfo> InspectVolumeAsync(string name, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<VolumeInfo>> ListVolumesAsync(IReadOnlyList<string>? labels = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task RemoveVolumeAsync(string name, bool force = false, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<string>> PruneVolumesAsync(IReadOnlyList<string>? labels = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<EngineInfo> GetInfoAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public IAsyncEnumerable<EngineEvent> GetEventsAsync(EventFilter? filter = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
