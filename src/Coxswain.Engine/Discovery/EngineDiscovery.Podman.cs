namespace Coxswain.Engine;

public static partial class EngineDiscovery
{
    private static async Task<DiscoveredEngine?> StartPodmanAsync(
        string podman, EngineDiscoveryOptions options, List<EndpointAttempt> attempts, CancellationToken cancellationToken)
    {
        var socketPath = options.Environment.PrivatePodmanSocketPath;
        var endpoint = new EngineEndpoint("unix://" + socketPath, EndpointSources.StartedPodmanService);
        var starter = options.PodmanStarter ?? new PodmanServiceStarter(options.TimeProvider);
        options.Log?.Invoke($"no engine answered; starting `{podman} system service --time 0 {endpoint}` (stopped again when cox exits)");

        IPodmanService service;
        try
        {
            service = await starter.StartAsync(podman, socketPath, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            attempts.Add(new EndpointAttempt(endpoint, $"starting `{podman} system service` failed: {ex.Message}"));
            return null;
        }

        try
        {
            var found = await WaitForPodmanAsync(service, endpoint, options, attempts, cancellationToken).ConfigureAwait(false);
            if (found is not null)
            {
                var pid = service.ProcessId is { } id ? $" (pid {id})" : "";
                options.Log?.Invoke($"podman system service{pid} answers at {endpoint}");
                return found;
            }
        }
        catch
        {
            await service.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        await service.DisposeAsync().ConfigureAwait(false);
        return null;
    }

    private static async Task<DiscoveredEngine?> WaitForPodmanAsync(
        IPodmanService service, EngineEndpoint endpoint, EngineDiscoveryOptions options, List<EndpointAttempt> attempts, CancellationToken cancellationToken)
    {
        var time = options.TimeProvider;
        var started = time.GetTimestamp();
        var lastError = "it did not create its socket";
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (service.HasExited)
            {
                attempts.Add(new EndpointAttempt(endpoint, $"podman system service exited with code {service.ExitCode}{Tail(service)}"));
                return null;
            }

            var probe = await ProbeAsync(new DiscoveryCandidate(endpoint), options, cancellationToken).ConfigureAwait(false);
            if (probe.Client is not null)
            {
                var (version, versionError) = await GetVersionAsync(probe.Client, options, cancellationToken).ConfigureAwait(false);
                if (version is not null)
                {
                    return new DiscoveredEngine(probe.Client, version, attempts.ToArray(), service);
                }

                await probe.Client.DisposeAsync().ConfigureAwait(false);
                lastError = versionError!;
            }
            else if (options.Environment.PathExists(endpoint.SocketPath))
            {
                lastError = probe.Error!;
            }

            if (time.GetElapsedTime(started) >= options.PodmanStartTimeout)
            {
                attempts.Add(new EndpointAttempt(
                    endpoint,
                    $"podman system service did not answer within {EndpointErrors.FormatDuration(options.PodmanStartTimeout)}: {lastError}{Tail(service)}"));
                return null;
            }

            await Task.Delay(options.PodmanPollInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Tail(IPodmanService service) =>
        string.IsNullOrWhiteSpace(service.RecentOutput) ? "" : "; it printed:\n      " + service.RecentOutput.Replace("\n", "\n      ", StringComparison.Ordinal);
}
