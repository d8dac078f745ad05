using Coxswain.Compose;
using Coxswain.Engine;
using Coxswain.Stacks;

namespace Coxswain.Apps;

/// <summary>Health per container: the host's running probes when it has them, else one probe of the service's healthcheck run now.</summary>
public sealed partial class AppManager
{
    private const int MaxProbeOutput = 1000;

    /// <summary>The health of each container of an app.</summary>
    /// <param name="id">The app id.</param>
    /// <param name="cancellationToken">Cancels the probes.</param>
    /// <returns>One report per container.</returns>
    public Task<AppResult<IReadOnlyList<ContainerHealthReport>>> HealthAsync(string id, CancellationToken cancellationToken = default) =>
        LockedAsync(id, async () =>
        {
            if (Store.Get(id) is not { } record)
            {
                return Fail<IReadOnlyList<ContainerHealthReport>>(NotInstalled(id));
            }

            var project = LoadRevision(id, record.Current, "current").Value?.Project;
            var observed = await StackObserver.ObserveAsync(_engine, id, null, cancellationToken).ConfigureAwait(false);
            var reports = new List<ContainerHealthReport>();
            foreach (var container in observed.Containers)
            {
                reports.Add(await HealthOfAsync(id, project, container, cancellationToken).ConfigureAwait(false));
            }

            return AppResult<IReadOnlyList<ContainerHealthReport>>.Ok(reports);
        }, cancellationToken);

    /// <summary>The health of one container of an installed app, by name or id (a prefix of 12 or more characters).</summary>
    /// <param name="container">The container's name or id.</param>
    /// <param name="cancellationToken">Cancels the probe.</param>
    /// <returns>The report, or ContainerNotFound.</returns>
    public async Task<AppResult<ContainerHealthReport>> ContainerHealthAsync(string container, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(container);
        foreach (var app in Store.List())
        {
            var observed = await StackObserver.ObserveAsync(_engine, app.Id, null, cancellationToken).ConfigureAwait(false);
            var found = observed.Containers.FirstOrDefault(c => c.Name == container.TrimStart('/') || c.Id == container
                || (container.Length >= 12 && c.Id.StartsWith(container, StringComparison.Ordinal)));
            if (found is not null)
            {
                var project = LoadRevision(app.Id, app.Current, "current").Value?.Project;
                return AppResult<ContainerHealthReport>.Ok(await HealthOfAsync(app.Id, project, found, cancellationToken).ConfigureAwait(false));
            }
        }

        return Fail<ContainerHealthReport>(new AppError(
            AppErrorCode.ContainerNotFound, "", $"no container of an installed app is named or has the id \"{container}\"; list them with container.list"));
    }

    private async Task<ContainerHealthReport> HealthOfAsync(string id, ComposeProject? project, ObservedContainer container, CancellationToken ct)
    {
        var report = new ContainerHealthReport(id, container.Name, container.Service, ContainerDisplayState.Derive(container.State).Text, null);
        if (!container.Running)
        {
            return report;
        }

        if (_options.HealthMonitor?.GetSnapshot(container.Id) is { } snapshot)
        {
            return report with
            {
                Health = snapshot.Status,
                State = ContainerDisplayState.Derive(container.State, snapshot.Status).Text,
                Output = Trim(snapshot.LastResult?.Output),
                FailingStreak = snapshot.FailingStreak,
                Source = "monitor",
            };
        }

        HealthProbe? probe;
        try
        {
            probe = HealthProbe.FromCompose(project?.FindService(container.Service)?.Healthcheck);
        }
        catch (ArgumentException)
        {
            probe = null;
        }

        if (probe is null)
        {
            return report;
        }

        HealthStatus status;
        string output;
        try
        {
            var result = await _engine.ExecAsync(container.Name, new ExecSpec(probe.Command), probe.Timeout, Time, ct).ConfigureAwait(false);
            status = result.ExitCode == 0 ? HealthStatus.Healthy : HealthStatus.Unhealthy;
            output = result.Output;
        }
        catch (TimeoutException ex)
        {
            status = HealthStatus.Unhealthy;
            output = ex.Message;
        }
        catch (EngineException ex) when (ex is not EngineUnavailableException)
        {
            status = HealthStatus.Unhealthy;
            output = ex.Message;
        }

        return report with
        {
            Health = status,
            State = ContainerDisplayState.Derive(container.State, status).Text,
            Output = Trim(output),
            FailingStreak = status == HealthStatus.Healthy ? 0 : 1,
            Source = "probe",
        };
    }

    private static string? Trim(string? output)
    {
        var text = output?.Trim();
        return text is { Length: > MaxProbeOutput } ? text[..MaxProbeOutput] + "…" : text;
    }
}
