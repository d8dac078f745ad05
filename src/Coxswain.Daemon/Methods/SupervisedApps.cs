using Coxswain.Apps;
using Coxswain.Supervision;

namespace Coxswain.Daemon.Methods;

/// <summary>
/// The app lifecycle with healing: an installed app's stack is supervised; a person's stop is recorded by the supervisor
/// (never restarted, across daemon restarts); while an install, start, restart, upgrade or remove runs, the app is taken
/// out of supervision so the supervisor does not fight it, and put back (counters fresh) when it is installed and up.
/// </summary>
public sealed class SupervisedApps
{
    private readonly AppManager _apps;
    private readonly Supervisor _supervisor;

    /// <summary>Pairs an app manager with a supervisor.</summary>
    /// <param name="apps">Installs and changes apps.</param>
    /// <param name="supervisor">Heals what runs.</param>
    public SupervisedApps(AppManager apps, Supervisor supervisor)
    {
        ArgumentNullException.ThrowIfNull(apps);
        ArgumentNullException.ThrowIfNull(supervisor);
        _apps = apps;
        _supervisor = supervisor;
    }

    /// <summary>The app manager.</summary>
    public AppManager Apps => _apps;

    /// <summary>Installs, then supervises.</summary>
    public Task<AppResult<AppStatus>> InstallAsync(string id, CancellationToken ct) => AroundAsync(id, () => _apps.InstallAsync(id, ct), ct);

    /// <summary>Starts (clearing a person's earlier stop), then supervises.</summary>
    public Task<AppResult<AppStatus>> StartAsync(string id, CancellationToken ct) => AroundAsync(id, () => _apps.StartAsync(id, ct), ct);

    /// <summary>Restarts, then supervises.</summary>
    public Task<AppResult<AppStatus>> RestartAsync(string id, CancellationToken ct) => AroundAsync(id, () => _apps.RestartAsync(id, ct), ct);

    /// <summary>Upgrades (rolling back when the new version does not come up), then supervises what runs.</summary>
    public Task<AppResult<AppStatus>> UpgradeAsync(string id, CancellationToken ct) => AroundAsync(id, () => _apps.UpgradeAsync(id, ct), ct);

    /// <summary>Stops every service as a person's stop (recorded, never healed), then makes sure nothing of the app runs.</summary>
    public async Task<AppResult<AppStatus>> StopAsync(string id, CancellationToken ct)
    {
        foreach (var state in _supervisor.GetStates().Where(s => s.Project == id))
        {
            await _supervisor.StopServiceAsync(id, state.Service, ct).ConfigureAwait(false);
        }

        return await _apps.StopAsync(id, ct).ConfigureAwait(false);
    }

    /// <summary>Stops supervising, then removes.</summary>
    public async Task<AppResult<AppRemoval>> RemoveAsync(string id, bool preserveData, CancellationToken ct)
    {
        await _supervisor.RemoveStackAsync(id, ct).ConfigureAwait(false);
        return await _apps.RemoveAsync(id, preserveData, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Finishes what a daemon that died left in flight, from the app records: an interrupted install is run again (up
    /// converges from what exists, so nothing is duplicated; it rolls back if the app does not come up), an interrupted
    /// upgrade is run again (it rolls back to the recorded previous images on failure), and an interrupted remove is
    /// run again keeping the data (whether the person asked to keep it is not recorded, and data is never removed on a guess).
    /// </summary>
    /// <returns>One line per app resumed, for the log and the event feed.</returns>
    public async Task<IReadOnlyList<string>> ResumeInterruptedAsync(CancellationToken ct)
    {
        var lines = new List<string>();
        foreach (var app in _apps.Store.List())
        {
            var (verb, outcome) = app.State switch
            {
                AppInstallState.Installing => ("install", Outcome(await InstallAsync(app.Id, ct).ConfigureAwait(false))),
                AppInstallState.Upgrading => ("upgrade", Outcome(await UpgradeAsync(app.Id, ct).ConfigureAwait(false))),
                AppInstallState.Removing => ("remove", Outcome(await RemoveAsync(app.Id, preserveData: true, ct).ConfigureAwait(false))),
                _ => (null, null),
            };
            if (verb is not null)
            {
                lines.Add($"resumed the interrupted {verb} of app {app.Id}: {outcome ?? "done"}");
            }
        }

        return lines;
    }

    /// <summary>Null when it worked, else the error's message.</summary>
    private static string? Outcome<T>(AppResult<T> result) => result.Succeeded ? null : result.Error!.Message;

    /// <summary>The supervisor's view of the app's services.</summary>
    public IReadOnlyList<ServiceState> States(string id) => [.. _supervisor.GetStates().Where(s => s.Project == id)];

    private async Task<AppResult<AppStatus>> AroundAsync(string id, Func<Task<AppResult<AppStatus>>> operation, CancellationToken ct)
    {
        await _supervisor.RemoveStackAsync(id, ct).ConfigureAwait(false);
        var result = await operation().ConfigureAwait(false);
        if (_apps.InstalledProject(id) is { } project)
        {
            await _supervisor.AddStackAsync(project, ct).ConfigureAwait(false);
        }

        return result;
    }
}
