namespace Coxswain.Engine.Testing;

/// <summary>Ping, version and info.</summary>
public sealed partial class InMemoryEngine
{
    /// <inheritdoc />
    public Task PingAsync(CancellationToken cancellationToken = default) => Invoke(cancellationToken, () =>
    {
        lock (_gate)
        {
            Enter(nameof(PingAsync));
        }
    });

    /// <inheritdoc />
    public Task<EngineVersion> GetVersionAsync(CancellationToken cancellationToken = default) => Invoke(cancellationToken, () =>
    {
        lock (_gate)
        {
            Enter(nameof(GetVersionAsync));
            return new EngineVersion(EngineKind.InMemory, _options.Version, _options.ApiVersion, "1.12")
            {
                Os = "linux",
                Arch = "amd64",
                KernelVersion = "6.1.0-in-memory",
            };
        }
    });

    /// <inheritdoc />
    public Task<EngineInfo> GetInfoAsync(CancellationToken cancellationToken = default) => Invoke(cancellationToken, () =>
    {
        lock (_gate)
        {
            Enter(nameof(GetInfoAsync));
            return new EngineInfo
            {
                Name = _options.Hostname,
                ServerVersion = _options.Version,
                Containers = _containers.Count,
                ContainersRunning = _containers.Values.Count(c => c.Status == ContainerStatus.Running),
                Images = _images.Count,
                OperatingSystem = "In-memory Linux (Coxswain.Engine.Testing)",
                Cpus = _options.Cpus,
                MemoryBytes = _options.MemoryBytes,
                StorageDriver = "in-memory",
                CgroupVersion = "2",
            };
        }
    });
}
