using Coxswain.Engine;

namespace Coxswain.Cli.Tests.Fakes;

/// <summary>Records podman starts and hands out <see cref="FakePodmanService"/>s.</summary>
internal sealed class FakePodmanStarter : IPodmanServiceStarter
{
    public List<(string Podman, string Socket)> Starts { get; } = [];

    public FakePodmanService? Service { get; private set; }

    /// <summary>Shapes the service (e.g. exited at once).</summary>
    public Action<FakePodmanService>? Configure { get; set; }

    public Task<IPodmanService> StartAsync(string podmanPath, string socketPath, CancellationToken cancellationToken = default)
    {
        Starts.Add((podmanPath, socketPath));
        Service = new FakePodmanService(socketPath);
        Configure?.Invoke(Service);
        return Task.FromResult<IPodmanService>(Service);
    }
}
