using System.Text.Json;
using Coxswain.Compose;
using Coxswain.Daemon.Client;
using Coxswain.Engine;
using Coxswain.Stacks;

namespace Coxswain.Cli.Commands.Stack;

/// <summary>
/// What <c>cox ps</c> knows beyond the engine's state: the health of each running container with a probe (one probe run
/// now, at the same time for all, unless the engine reports its own health), the stops a person asked for
/// (<see cref="UserStops"/>), and, when a daemon supervises the project, its state per service ("restarting in 4 s
/// (attempt 3 of 10)", "failed — gave up after 10 restarts", "stopped by user").
/// </summary>
internal sealed record PsFacts(
    IReadOnlyDictionary<string, HealthStatus> Health,
    IReadOnlySet<string> StopsAsked,
    IReadOnlyDictionary<string, string> Supervision)
{
    /// <summary>The longest a probe run by <c>ps</c> may take.</summary>
    private static readonly TimeSpan MaxProbeTime = TimeSpan.FromSeconds(5);

    public static async Task<PsFacts> GatherAsync(CliContext context, IEngineClient engine, ComposeProject project, ObservedStack observed, CancellationToken ct)
    {
        var probing = observed.Containers
            .Where(c => c.Running && c.State.Health is null)
            .Select(c => (Container: c, Probe: project.FindService(c.Service) is { } s ? SafeProbe(s) : null))
            .Where(p => p.Probe is not null)
            .Select(async p => (p.Container.Id, Status: await ProbeOnceAsync(context, engine, p.Container.Id, p.Probe!, ct).ConfigureAwait(false)))
            .ToList();
        var health = new Dictionary<string, HealthStatus>(StringComparer.Ordinal);
        foreach (var (id, status) in await Task.WhenAll(probing).ConfigureAwait(false))
        {
            if (status is { } s)
            {
                health[id] = s;
            }
        }

        var stops = new UserStops(context, project.Name);
        var records = stops.Read();
        var asked = observed.Containers.Where(c => !c.Running && stops.AskedFor(c.Id, c.State, records)).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        return new PsFacts(health, asked, await SupervisionAsync(context, project.Name, ct).ConfigureAwait(false));
    }

    private static HealthProbe? SafeProbe(ServiceModel service)
    {
        try
        {
            return HealthProbe.FromCompose(service.Healthcheck);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Runs the probe once: healthy when it passes, unhealthy when it fails; null when it could not run.</summary>
    private static async Task<HealthStatus?> ProbeOnceAsync(CliContext context, IEngineClient engine, string container, HealthProbe probe, CancellationToken ct)
    {
        var limit = probe.Timeout < MaxProbeTime ? probe.Timeout : MaxProbeTime;
        try
        {
            var exec = await engine.ExecAsync(container, new ExecSpec(probe.Command), limit, context.Time, ct).ConfigureAwait(false);
            return exec.ExitCode == 0 ? HealthStatus.Healthy : HealthStatus.Unhealthy;
        }
        catch (TimeoutException)
        {
            return HealthStatus.Unhealthy;
        }
        catch (EngineException)
        {
            return null;
        }
    }

    /// <summary>The supervising daemon's state per service, when one answers on the default socket and supervises the project.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> SupervisionAsync(CliContext context, string project, CancellationToken ct)
    {
        var states = new Dictionary<string, string>(StringComparer.Ordinal);
        var socket = context.DaemonPaths.SocketPath();
        if (!File.Exists(socket))
        {
            return states;
        }

        using var client = new DaemonClient(socket, TimeSpan.FromSeconds(2));
        try
        {
            var list = await client.CallAsync("service.list", new { project }, ct).ConfigureAwait(false);
            foreach (var state in list.EnumerateArray())
            {
                var status = state.GetProperty("status").GetString();
                if (status is "restarting" or "healing" or "waitingForDependency" or "failed" or "stoppedByUser")
                {
                    states[state.GetProperty("service").GetString()!] = state.GetProperty("text").GetString()!;
                }
            }
        }
        catch (Exception e) when (e is DaemonUnavailableException or Coxswain.Daemon.Rpc.RpcException or JsonException or TaskCanceledException)
        {
            // no daemon (or an older one): the engine's view is all there is
        }

        return states;
    }
}
