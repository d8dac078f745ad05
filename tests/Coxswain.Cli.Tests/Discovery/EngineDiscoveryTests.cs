using System.Net.Sockets;
using Coxswain.Cli.Tests.Fakes;
using Coxswain.Engine;
using Coxswain.Engine.Testing;
using Xunit;

namespace Coxswain.Cli.Tests.Discovery;

public sealed class EngineDiscoveryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void DescribeCandidates_DockerHostAndXdgSet_ListsEveryCandidateInOrderWithItsSource()
    {
        var machine = new FakeMachine();
        machine.Variables["DOCKER_HOST"] = "tcp://127.0.0.1:2375";
        machine.Variables["XDG_RUNTIME_DIR"] = "/run/user/1000";

        var candidates = EngineDiscovery.DescribeCandidates(machine.Options());

        Assert.Equal(
            [
                ("tcp://127.0.0.1:2375", "DOCKER_HOST"),
                ("unix:///fake/docker.sock", "default Docker socket"),
                ("unix:///fake/podman/podman.sock", "Podman rootful socket"),
                ("unix:///run/user/1000/podman/podman.sock", "Podman rootless socket"),
            ],
            candidates.Select(c => (c.Endpoint.Address, c.Endpoint.Source)));
    }

    [Fact]
    public void DescribeCandidates_EnginesScriptSockets_TriedLastUnderTheirOwnSource()
    {
        var machine = new FakeMachine();
        machine.ScriptEngineSockets.AddRange(["/fake/cox-test/docker.sock", "/fake/cox-test/podman.sock"]);

        var candidates = EngineDiscovery.DescribeCandidates(machine.Options());

        Assert.Equal(
            [
                ("unix:///fake/docker.sock", "default Docker socket"),
                ("unix:///fake/podman/podman.sock", "Podman rootful socket"),
                ("unix:///fake/cox-test/docker.sock", "engine started by scripts/engines.sh"),
                ("unix:///fake/cox-test/podman.sock", "engine started by scripts/engines.sh"),
            ],
            candidates.Select(c => (c.Endpoint.Address, c.Endpoint.Source)));
    }

    [Fact]
    public void DescribeCandidates_RealDefaults_AreTheWellKnownSockets()
    {
        var options = new EngineDiscoveryOptions { Environment = DiscoveryEnvironment.FromVariables(new Dictionary<string, string>()) };

        var candidates = EngineDiscovery.DescribeCandidates(options);

        Assert.Equal(
            ["unix:///var/run/docker.sock", "unix:///run/podman/podman.sock", "unix:///run/cox-test/docker.sock", "unix:///run/cox-test/podman.sock"],
            candidates.Select(c => c.Endpoint.Address));
        Assert.True(options.PingTimeout <= TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public void DescribeCandidates_DockerHostIsTheDefaultSocket_TriedOnceUnderDockerHost()
    {
        var machine = new FakeMachine();
        machine.Variables["DOCKER_HOST"] = "unix:///fake/docker.sock";

        var candidates = EngineDiscovery.DescribeCandidates(machine.Options());

        Assert.Equal(["DOCKER_HOST", "Podman rootful socket"], candidates.Select(c => c.Endpoint.Source));
    }

    [Fact]
    public void DescribeCandidates_HostOption_IsTheOnlyCandidate()
    {
        var machine = new FakeMachine();
        machine.Variables["DOCKER_HOST"] = "unix:///somewhere.sock";

        var candidates = EngineDiscovery.DescribeCandidates(machine.Options() with { Host = "unix:///given.sock" });

        var only = Assert.Single(candidates);
        Assert.Equal(("unix:///given.sock", "--host"), (only.Endpoint.Address, only.Endpoint.Source));
    }

    [Fact]
    public async Task DiscoverAsync_DockerHostAnswers_ChoosesItWithVersionAndSource()
    {
        var machine = new FakeMachine();
        machine.Variables["DOCKER_HOST"] = "unix:///custom/engine.sock";
        machine.Socket("/custom/engine.sock", c => c.OnVersion = _ => Task.FromResult(new EngineVersion(EngineKind.Podman, "4.3.1", "1.41", "1.24")));
        machine.Socket("/fake/docker.sock");

        await using var found = await EngineDiscovery.DiscoverAsync(machine.Options(), Ct);

        Assert.Equal("unix:///custom/engine.sock", found.Endpoint.Address);
        Assert.Equal("DOCKER_HOST", found.Source);
        Assert.Equal(EngineKind.Podman, found.Kind);
        Assert.Equal("4.3.1", found.Version.Version);
        Assert.Empty(found.FailedAttempts);
        Assert.False(found.StartedPodmanService);
    }

    [Fact]
    public async Task DiscoverAsync_DockerHostRefuses_FallsBackToDefaultSocketAndReportsTheAttempt()
    {
        var machine = new FakeMachine();
        machine.Variables["DOCKER_HOST"] = "tcp://127.0.0.1:2375";
        machine.Socket("/fake/docker.sock");

        await using var found = await EngineDiscovery.DiscoverAsync(machine.Options(), Ct);

        Assert.Equal("default Docker socket", found.Source);
        var attempt = Assert.Single(found.FailedAttempts);
        Assert.Equal("tcp://127.0.0.1:2375", attempt.Endpoint.Address);
        Assert.Equal("connection refused", attempt.Error);
    }

    [Fact]
    public async Task DiscoverAsync_FirstInOrderAnswersLast_StillChosenOverLaterCandidates()
    {
        var machine = new FakeMachine();
        var slow = new TaskCompletionSource();
        var laterPinged = new TaskCompletionSource();
        machine.Socket("/fake/docker.sock", c => c.OnPing = _ => slow.Task);
        machine.Socket("/fake/podman/podman.sock", c => c.OnPing = _ =>
        {
            laterPinged.TrySetResult();
            return Task.CompletedTask;
        });

        var discovery = EngineDiscovery.DiscoverAsync(machine.Options(), Ct);
        await laterPinged.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.False(discovery.IsCompleted);
        slow.SetResult();
        await using var found = await discovery.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal("default Docker socket", found.Source);
        var notChosen = machine.Created.Single(c => c.Endpoint.Source == "Podman rootful socket");
        Assert.True(notChosen.Disposed);
    }

    [Fact]
    public async Task DiscoverAsync_MalformedDockerHost_ReportedAsAnAttemptAndTheNextCandidateUsed()
    {
        var machine = new FakeMachine();
        machine.Variables["DOCKER_HOST"] = "foo";
        machine.Socket("/fake/docker.sock");

        await using var found = await EngineDiscovery.DiscoverAsync(machine.Options(), Ct);

        var attempt = Assert.Single(found.FailedAttempts);
        Assert.Equal("foo", attempt.Endpoint.Address);
        Assert.Equal("DOCKER_HOST", attempt.Endpoint.Source);
        Assert.Equal("DOCKER_HOST=\"foo\" is not an engine address (it has no scheme): use unix:///path/to.sock or tcp://host:port", attempt.Error);
    }

    [Theory]
    [InlineData("ssh://me@host", "the scheme 'ssh' is not supported")]
    [InlineData("unix://docker.sock", "a unix address needs three slashes")]
    public async Task DiscoverAsync_UnusableDockerHost_ErrorSaysWhy(string dockerHost, string expected)
    {
        var machine = new FakeMachine();
        machine.Variables["DOCKER_HOST"] = dockerHost;

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => EngineDiscovery.DiscoverAsync(machine.Options(), Ct));

        Assert.Contains(expected, error.Attempts[0].Error, StringComparison.Ordinal);
        Assert.DoesNotContain(machine.Created, c => c.Endpoint.Source == "DOCKER_HOST");
    }

    [Fact]
    public async Task DiscoverAsync_HostOptionDoesNotAnswer_ThrowsWithoutFallbackOrPodman()
    {
        var machine = new FakeMachine();
        machine.Socket("/fake/docker.sock");
        machine.Executables["podman"] = "/usr/bin/podman";
        var starter = new FakePodmanStarter();

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(
            () => EngineDiscovery.DiscoverAsync(machine.Options(starter: starter) with { Host = "unix:///missing.sock" }, Ct));

        var attempt = Assert.Single(error.Attempts);
        Assert.Equal("socket /missing.sock does not exist", attempt.Error);
        Assert.Empty(starter.Starts);
        Assert.StartsWith("Check that the engine at --host is running", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiscoverAsync_PingAnswersButVersionFails_TriesTheNextCandidate()
    {
        var machine = new FakeMachine();
        machine.Socket("/fake/docker.sock", c => c.OnVersion = _ => throw new EngineApiException("version", System.Net.HttpStatusCode.InternalServerError, "boom"));
        machine.Socket("/fake/podman/podman.sock");

        await using var found = await EngineDiscovery.DiscoverAsync(machine.Options(), Ct);

        Assert.Equal("Podman rootful socket", found.Source);
        var attempt = Assert.Single(found.FailedAttempts);
        Assert.StartsWith("answered the ping, but reading its version failed: answered the ping with HTTP 500", attempt.Error, StringComparison.Ordinal);
        Assert.True(machine.Created.Single(c => c.Endpoint.Source == "default Docker socket").Disposed);
    }

    [Fact]
    public async Task DiscoverAsync_ErrorsOfEachKind_DescribedForPeople()
    {
        var machine = new FakeMachine();
        machine.Variables["DOCKER_HOST"] = "unix:///fake/denied.sock";
        machine.Variables["XDG_RUNTIME_DIR"] = "/fake/run";
        machine.Socket("/fake/denied.sock", c => c.OnPing = _ => throw new SocketException((int)SocketError.AccessDenied));
        machine.Socket("/fake/docker.sock", c => c.OnPing = _ => throw new EngineApiException("ping", System.Net.HttpStatusCode.NotFound, "page not found"));
        machine.Socket("/fake/podman/podman.sock", c => c.OnPing = _ => throw new HttpRequestException(HttpRequestError.InvalidResponse, "bad"));

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => EngineDiscovery.DiscoverAsync(machine.Options(), Ct));

        Assert.Equal(
            [
                "permission denied on /fake/denied.sock: run cox as a user allowed to use it (root, or a member of the socket's group)",
                "answered but is not a container engine (HTTP 404 for /_ping: page not found)",
                "answered but is not a container engine (not a valid HTTP response)",
                "socket /fake/run/podman/podman.sock does not exist",
            ],
            error.Attempts.Select(a => a.Error));
    }

    [Fact]
    public async Task DiscoverAsync_NothingAnswers_PingsAllCandidatesInParallelEachTryBoundedByThePingTimeout()
    {
        var time = new ManualTimeProvider();
        var machine = new FakeMachine();
        machine.Variables["DOCKER_HOST"] = "tcp://127.0.0.1:2375";
        machine.Variables["XDG_RUNTIME_DIR"] = "/fake/run";
        var pings = 0;
        var firstRound = new TaskCompletionSource();
        var secondRound = new TaskCompletionSource();
        foreach (var address in new[] { "tcp://127.0.0.1:2375", "unix:///fake/docker.sock", "unix:///fake/podman/podman.sock", "unix:///fake/run/podman/podman.sock" })
        {
            machine.ExistingPaths.Add(address.Replace("unix://", "", StringComparison.Ordinal));
            machine.Client(address, c => c.OnPing = async ct =>
            {
                var count = Interlocked.Increment(ref pings);
                (count == 4 ? firstRound : count == 8 ? secondRound : null)?.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct); // hangs until discovery gives up on it
            });
        }

        var options = machine.Options(time) with { StartPodmanService = false };
        var discovery = EngineDiscovery.DiscoverAsync(options, Ct);

        // All four are being pinged before any time passes: in parallel, not one after another.
        await firstRound.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.PingTimeout);
        time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(discovery.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));

        // Each timed-out ping gets a second try, again all in parallel.
        await secondRound.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.False(discovery.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(500));
        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => discovery.WaitAsync(TimeSpan.FromSeconds(10), Ct));

        Assert.Equal(8, pings);
        Assert.Equal(4, error.Attempts.Count);
        Assert.All(error.Attempts, a => Assert.Equal("timed out after 500 ms (2 tries)", a.Error));
        Assert.All(machine.Created, c => Assert.True(c.Disposed));
    }

    [Fact]
    public async Task DiscoverAsync_FirstPingTimesOutSecondAnswers_ChoosesTheEngine()
    {
        var time = new ManualTimeProvider();
        var machine = new FakeMachine();
        var pings = 0;
        var firstPing = new TaskCompletionSource();
        machine.Socket("/fake/docker.sock", c => c.OnPing = async ct =>
        {
            if (Interlocked.Increment(ref pings) == 1)
            {
                firstPing.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
            }
        });

        var discovery = EngineDiscovery.DiscoverAsync(machine.Options(time), Ct);
        await firstPing.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        time.Advance(TimeSpan.FromMilliseconds(500));
        await using var found = await discovery.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal("default Docker socket", found.Source);
        Assert.Equal(2, pings);
    }

    [Fact]
    public async Task DiscoverAsync_NothingAnswersNoPodman_ThrowsListingEveryEndpointWithTheHint()
    {
        var machine = new FakeMachine();
        machine.Variables["DOCKER_HOST"] = "tcp://127.0.0.1:2375";

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => EngineDiscovery.DiscoverAsync(machine.Options(), Ct));

        Assert.Equal(
            [
                "tcp://127.0.0.1:2375 (DOCKER_HOST): connection refused",
                "unix:///fake/docker.sock (default Docker socket): socket /fake/docker.sock does not exist",
                "unix:///fake/podman/podman.sock (Podman rootful socket): socket /fake/podman/podman.sock does not exist",
            ],
            error.Attempts.Select(a => $"{a.Endpoint} ({a.Endpoint.Source}): {a.Error}"));
        Assert.Equal(EngineDiscovery.InstallHint, error.Hint);
        Assert.Contains("scripts/engines.sh start", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install docker.io", error.Message, StringComparison.Ordinal);
        Assert.Contains("  - unix:///fake/docker.sock (default Docker socket): socket /fake/docker.sock does not exist", error.Message, StringComparison.Ordinal);
    }
}
