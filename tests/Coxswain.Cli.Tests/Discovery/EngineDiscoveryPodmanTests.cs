using Coxswain.Cli.Tests.Fakes;
using Coxswain.Engine;
using Coxswain.Engine.Testing;
using Xunit;

namespace Coxswain.Cli.Tests.Discovery;

public sealed class EngineDiscoveryPodmanTests
{
    private const string PrivateSocket = "/fake/run/cox/podman-77.sock";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DiscoverAsync_NothingAnswersButPodmanOnPath_StartsAServiceOnAPrivateSocketAndStopsItOnDispose()
    {
        var machine = new FakeMachine();
        machine.Variables["XDG_RUNTIME_DIR"] = "/fake/run";
        machine.Executables["podman"] = "/usr/bin/podman";
        machine.Socket(PrivateSocket, c => c.OnVersion = _ => Task.FromResult(new EngineVersion(EngineKind.Podman, "4.3.1", "1.41", "1.24")));
        var starter = new FakePodmanStarter();
        var log = new List<string>();

        var found = await EngineDiscovery.DiscoverAsync(machine.Options(starter: starter, log: log), Ct);

        Assert.Equal(("/usr/bin/podman", PrivateSocket), Assert.Single(starter.Starts));
        Assert.Equal("unix://" + PrivateSocket, found.Endpoint.Address);
        Assert.Equal("podman service started by cox", found.Source);
        Assert.Equal(EngineKind.Podman, found.Kind);
        Assert.True(found.StartedPodmanService);
        Assert.Equal(3, found.FailedAttempts.Count);
        Assert.Equal(
            [
                "no engine answered; starting `/usr/bin/podman system service --time 0 unix:///fake/run/cox/podman-77.sock` (stopped again when cox exits)",
                "podman system service (pid 4242) answers at unix:///fake/run/cox/podman-77.sock",
            ],
            log);

        Assert.False(starter.Service!.Disposed);
        await found.DisposeAsync();
        Assert.True(starter.Service.Disposed);
    }

    [Fact]
    public void PrivatePodmanSocketPath_NoXdgRuntimeDir_IsUnderTmpNamedByUserAndProcess()
    {
        var machine = new FakeMachine();

        Assert.Equal("/fake/tmp/cox-podman-1000/podman-77.sock", machine.Environment.PrivatePodmanSocketPath);
    }

    [Fact]
    public async Task DiscoverAsync_PodmanServiceExitsAtOnce_ThrowsWithItsExitCodeAndOutput()
    {
        var machine = new FakeMachine();
        machine.Variables["XDG_RUNTIME_DIR"] = "/fake/run";
        machine.Executables["podman"] = "/usr/bin/podman";
        var starter = new FakePodmanStarter
        {
            Configure = s =>
            {
                s.HasExited = true;
                s.ExitCode = 125;
                s.RecentOutput = "Error: cannot listen";
            },
        };

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => EngineDiscovery.DiscoverAsync(machine.Options(starter: starter), Ct));

        var last = error.Attempts[^1];
        Assert.Equal("podman service started by cox", last.Endpoint.Source);
        Assert.StartsWith("podman system service exited with code 125; it printed:", last.Error, StringComparison.Ordinal);
        Assert.Contains("Error: cannot listen", last.Error, StringComparison.Ordinal);
        Assert.True(starter.Service!.Disposed);
    }

    [Fact]
    public async Task DiscoverAsync_PodmanServiceNeverAnswers_GivesUpAfterTheStartTimeoutAndStopsIt()
    {
        var time = new ManualTimeProvider();
        var machine = new FakeMachine();
        machine.Variables["XDG_RUNTIME_DIR"] = "/fake/run";
        machine.Executables["podman"] = "/usr/bin/podman";
        var starter = new FakePodmanStarter();

        var discovery = EngineDiscovery.DiscoverAsync(machine.Options(time, starter), Ct);
        var waited = TimeSpan.Zero;
        while (!discovery.IsCompleted && waited < TimeSpan.FromSeconds(11))
        {
            var next = time.WaitForTimersAsync(1, Ct);
            await Task.WhenAny(discovery, next).WaitAsync(TimeSpan.FromSeconds(10), Ct);
            if (!discovery.IsCompleted)
            {
                time.Advance(TimeSpan.FromMilliseconds(100));
                waited += TimeSpan.FromMilliseconds(100);
            }
        }

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => discovery.WaitAsync(TimeSpan.FromSeconds(10), Ct));
        Assert.Equal(
            "podman system service did not answer within 10 s: it did not create its socket",
            error.Attempts[^1].Error);
        Assert.InRange(waited, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10.2));
        Assert.True(starter.Service!.Disposed);
    }

    [Fact]
    public async Task DiscoverAsync_StartPodmanServiceOff_DoesNotStartOne()
    {
        var machine = new FakeMachine();
        machine.Executables["podman"] = "/usr/bin/podman";
        var starter = new FakePodmanStarter();

        await Assert.ThrowsAsync<EngineUnavailableException>(
            () => EngineDiscovery.DiscoverAsync(machine.Options(starter: starter) with { StartPodmanService = false }, Ct));

        Assert.Empty(starter.Starts);
    }
}
