namespace Coxswain.Engine;

/// <summary>
/// Finds the engine to use. Candidates, in order: the explicit <see cref="EngineDiscoveryOptions.Host"/> (alone, when given);
/// otherwise <c>DOCKER_HOST</c>, the default Docker socket, Podman's rootful socket and Podman's rootless socket. All candidates
/// are pinged in parallel, each try bounded by <see cref="EngineDiscoveryOptions.PingTimeout"/> (a timed-out ping is tried
/// <see cref="EngineDiscoveryOptions.PingAttempts"/> times), and the first in that order that
/// answers (ping and version) is chosen. When none answers and <c>podman</c> is on PATH, a private
/// <c>podman system service</c> is started and used; it stops when the <see cref="DiscoveredEngine"/> is disposed.
/// When nothing answers, <see cref="EngineUnavailableException"/> lists every endpoint tried with its error.
/// </summary>
public static partial class EngineDiscovery
{
    /// <summary>What to do when no engine answers.</summary>
    public const string InstallHint =
        "Install and start an engine: `scripts/engines.sh start` from the Coxswain checkout, or `apt-get install docker.io` and start dockerd, "
        + "or `apt-get install podman`; or point DOCKER_HOST at a running engine (unix:///path/to.sock or tcp://host:port)";

    /// <summary>What to do when the engine named by <c>--host</c> does not answer.</summary>
    public const string HostHint =
        "Check that the engine at --host is running and the address is right, or leave --host out to let cox look for one. " + InstallHint;

    /// <summary>Finds, pings and identifies the engine to use. Dispose the result when done (it owns the client, and the
    /// Podman service when one was started). Throws <see cref="EngineUnavailableException"/> when no engine answers.</summary>
    public static async Task<DiscoveredEngine> DiscoverAsync(EngineDiscoveryOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EngineDiscoveryOptions();
        var candidates = GetCandidates(options);
        var attempts = new List<EndpointAttempt>();

        var found = await ProbeInOrderAsync(candidates, options, attempts, cancellationToken).ConfigureAwait(false);
        if (found is not null)
        {
            return found;
        }

        var hint = options.Host is null ? InstallHint : HostHint;
        if (options.Host is null && options.StartPodmanService && options.Environment.ResolveExecutable("podman") is { } podman)
        {
            found = await StartPodmanAsync(podman, options, attempts, cancellationToken).ConfigureAwait(false);
            if (found is not null)
            {
                return found;
            }
        }

        throw new EngineUnavailableException(attempts.ToArray(), hint);
    }

    /// <summary>The endpoints discovery would try, in order, without contacting any. Malformed addresses come back with their error.</summary>
    public static IReadOnlyList<EndpointAttempt> DescribeCandidates(EngineDiscoveryOptions? options = null) =>
        GetCandidates(options ?? new EngineDiscoveryOptions()).Select(c => new EndpointAttempt(c.Endpoint, c.Error ?? "")).ToArray();

    private static async Task<DiscoveredEngine?> ProbeInOrderAsync(
        IReadOnlyList<DiscoveryCandidate> candidates,
        EngineDiscoveryOptions options,
        List<EndpointAttempt> attempts,
        CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var probes = candidates.Select(c => ProbeAsync(c, options, stop.Token)).ToArray();
        var next = 0;
        try
        {
            for (; next < probes.Length; next++)
            {
                var probe = await probes[next].ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                if (probe.Client is null)
                {
                    attempts.Add(new EndpointAttempt(probe.Endpoint, probe.Error!));
                    continue;
                }

                var (version, versionError) = await GetVersionAsync(probe.Client, options, cancellationToken).ConfigureAwait(false);
                if (version is null)
                {
                    attempts.Add(new EndpointAttempt(probe.Endpoint, versionError!));
                    await probe.Client.DisposeAsync().ConfigureAwait(false);
                    continue;
                }

                next++;
                return new DiscoveredEngine(probe.Client, version, attempts.ToArray());
            }

            return null;
        }
        finally
        {
            // Candidates after the chosen one (or all remaining ones, when cancelled) are not needed: stop and dispose them.
            await stop.CancelAsync().ConfigureAwait(false);
            for (; next < probes.Length; next++)
            {
                var probe = await probes[next].ConfigureAwait(false);
                if (probe.Client is not null)
                {
                    await probe.Client.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>Pings one candidate. Never throws: the result carries the client when it answered, the error otherwise.</summary>
    private static async Task<Probe> ProbeAsync(DiscoveryCandidate candidate, EngineDiscoveryOptions options, CancellationToken stop)
    {
        var endpoint = candidate.Endpoint;
        if (candidate.Error is not null)
        {
            return Probe.Failed(endpoint, candidate.Error);
        }

        if (endpoint.IsUnixSocket && !options.Environment.PathExists(endpoint.SocketPath))
        {
            return Probe.Failed(endpoint, EndpointErrors.SocketMissing(endpoint.SocketPath));
        }

        IEngineClient client;
        try
        {
            client = CreateClient(endpoint, options);
        }
        catch (Exception ex)
        {
            return Probe.Failed(endpoint, ex.Message);
        }

        var tries = Math.Max(1, options.PingAttempts);
        for (var attempt = 1; ; attempt++)
        {
            using var timeout = new CancellationTokenSource(options.PingTimeout, options.TimeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, timeout.Token);
            try
            {
                // WaitAsync bounds the wait even if a client ignored its token.
                await client.PingAsync(linked.Token).WaitAsync(linked.Token).ConfigureAwait(false);
                return new Probe(endpoint, client, null);
            }
            catch (Exception ex)
            {
                var timedOut = timeout.IsCancellationRequested && !stop.IsCancellationRequested;
                if (timedOut && attempt < tries)
                {
                    continue; // A cold process or a busy machine can miss the first deadline: one more try.
                }

                await client.DisposeAsync().ConfigureAwait(false);
                var error = timedOut
                    ? EndpointErrors.TimedOut(options.PingTimeout) + (tries > 1 ? $" ({tries} tries)" : "")
                    : EndpointErrors.Describe(ex, endpoint, options.PingTimeout);
                return Probe.Failed(endpoint, error);
            }
        }
    }

    private static async Task<(EngineVersion? Version, string? Error)> GetVersionAsync(
        IEngineClient client, EngineDiscoveryOptions options, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.VersionTimeout, options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var version = await client.GetVersionAsync(linked.Token).WaitAsync(linked.Token).ConfigureAwait(false);
            return (version, null);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var why = timeout.IsCancellationRequested
                ? EndpointErrors.TimedOut(options.VersionTimeout)
                : EndpointErrors.Describe(ex, client.Endpoint, options.VersionTimeout);
            return (null, $"answered the ping, but reading its version failed: {why}");
        }
    }

    private static IEngineClient CreateClient(EngineEndpoint endpoint, EngineDiscoveryOptions options) =>
        options.ClientFactory is { } factory
            ? factory(endpoint)
            : new DockerEngineClient(endpoint, new DockerEngineClientOptions { TimeProvider = options.TimeProvider });

    private sealed record Probe(EngineEndpoint Endpoint, IEngineClient? Client, string? Error)
    {
        public static Probe Failed(EngineEndpoint endpoint, string error) => new(endpoint, null, error);
    }
}
