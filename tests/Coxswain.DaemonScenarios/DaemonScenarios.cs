using Coxswain.Daemon.Client;
using Coxswain.Engine;
using Xunit;

namespace Coxswain.DaemonScenarios;

/// <summary><c>cox daemon</c> as a process on a real engine: killed with SIGKILL in the middle of an install, then started again.</summary>
public abstract class DaemonScenarios(DaemonEngineFixture fixture)
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    // db turns healthy after 4 s, so the install is still waiting for it when the daemon is killed.
    private const string App = """
        services:
          db:
            image: cox-busybox:latest
            command: ["/bin/sh", "-c", "/bin/sleep 4; /bin/touch /tmp/ready; exec /bin/sleep 3600"]
            restart: unless-stopped
            stop_grace_period: 1s
            healthcheck:
              test: ["CMD-SHELL", "[ -f /tmp/ready ]"]
              interval: 1s
              retries: 60
          web:
            image: cox-busybox:latest
            command: ["/bin/sleep", "3600"]
            restart: unless-stopped
            stop_grace_period: 1s
            depends_on:
              db:
                condition: service_healthy
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Daemon_KilledMidInstall_NextDaemonFinishesItWithoutDuplicatesOrLeaks()
    {
        var engine = fixture.Engine;
        var id = "k9-" + Guid.NewGuid().ToString("N")[..8];
        var folder = Path.Combine(Path.GetTempPath(), "cox-daemon-scenario-" + id);
        var catalog = Path.Combine(folder, "catalog");
        Directory.CreateDirectory(Path.Combine(catalog, id));
        await File.WriteAllTextAsync(Path.Combine(catalog, id, "compose.yaml"), App, Ct);
        var data = Path.Combine(folder, "data");
        var socket = Path.Combine(folder, "run", "cox.sock");
        var first = new DaemonProcess(fixture.Address, data, socket, catalog);
        DaemonProcess? second = null;
        try
        {
            using var client = await ConnectAsync(socket, first);
            var install = client.CallAsync("app.install", new { id }, Ct);
            var db = await UntilAsync(async () => (await ContainersAsync(engine, id)).FirstOrDefault(c => c.Name.TrimStart('/') == $"{id}-db-1"), "db created by the install");
            first.KillHard();
            await Assert.ThrowsAnyAsync<Exception>(() => install); // the caller learns the daemon went away

            second = new DaemonProcess(fixture.Address, data, socket, catalog);
            using var again = await ConnectAsync(socket, second);
            await UntilAsync(
                async () =>
                {
                    var status = (await again.CallAsync("app.status", new { id }, Ct)).GetProperty("app");
                    return status.GetProperty("state").GetString() == "installed" && status.GetProperty("summary").GetString() == "running" ? "done" : null;
                },
                "the install finished by the next daemon",
                second);

            var containers = await ContainersAsync(engine, id);
            Assert.Equal([$"{id}-db-1", $"{id}-web-1"], containers.Select(c => c.Name.TrimStart('/')).Order(StringComparer.Ordinal));
            Assert.Equal(db.Id, containers.Single(c => c.Name.TrimStart('/') == $"{id}-db-1").Id);

            await again.CallAsync("app.remove", new { id }, Ct).WaitAsync(Bound, Ct);
            Assert.Empty(await ContainersAsync(engine, id));
        }
        finally
        {
            first.Dispose();
            second?.Dispose();
            foreach (var left in await ContainersAsync(engine, id))
            {
                await engine.RemoveContainerAsync(left.Id, force: true, removeVolumes: true, CancellationToken.None);
            }

            foreach (var network in await engine.ListNetworksAsync([$"io.coxswain.project={id}"], CancellationToken.None))
            {
                await engine.RemoveNetworkAsync(network.Id, CancellationToken.None);
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    private static Task<IReadOnlyList<ContainerSummary>> ContainersAsync(IEngineClient engine, string project) =>
        engine.ListContainersAsync(new ContainerListOptions { Labels = [$"io.coxswain.project={project}"] }, CancellationToken.None);

    private static async Task<DaemonClient> ConnectAsync(string socket, DaemonProcess daemon)
    {
        var client = new DaemonClient(socket);
        await UntilAsync(
            async () =>
            {
                try
                {
                    await client.CallAsync("daemon.status", null, Ct);
                    return "up";
                }
                catch (DaemonUnavailableException)
                {
                    return null;
                }
            },
            "the daemon answering",
            daemon);
        return client;
    }

    private static async Task<T> UntilAsync<T>(Func<Task<T?>> look, string what, DaemonProcess? daemon = null)
        where T : class
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        bound.CancelAfter(Bound);
        try
        {
            while (true)
            {
                if (await look() is { } found)
                {
                    return found;
                }

                await Task.Delay(100, bound.Token);
            }
        }
        catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
        {
            Assert.Fail($"not within {Bound.TotalSeconds:0} s: {what}\n{daemon?.Output}");
            throw;
        }
    }
}
