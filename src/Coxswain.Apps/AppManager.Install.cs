using Coxswain.Stacks;

namespace Coxswain.Apps;

/// <summary>Install: load from the catalog, pull (with retries), create, start, wait until healthy; roll back everything on failure.</summary>
public sealed partial class AppManager
{
    /// <summary>
    /// Installs app <paramref name="id"/> from the catalog: loads <c>&lt;catalog&gt;/&lt;id&gt;/compose.yaml</c> (project name = id), pulls
    /// missing images (retrying after <see cref="AppManagerOptions.PullRetryDelays"/>), creates and starts every service in
    /// dependency order and waits until each is healthy (or running, without a healthcheck) within
    /// <see cref="AppManagerOptions.HealthTimeout"/>. When the app does not come up, everything this install created is removed
    /// (containers, and the networks and volumes that did not exist before) and the error carries the reasons and the log tails.
    /// </summary>
    /// <param name="id">The app id.</param>
    /// <param name="cancellationToken">Cancels the install (what it created is rolled back).</param>
    /// <returns>The app's status, or the error.</returns>
    public Task<AppResult<AppStatus>> InstallAsync(string id, CancellationToken cancellationToken = default) =>
        LockedAsync(id, () => InstallCoreAsync(id, cancellationToken), cancellationToken);

    private async Task<AppResult<AppStatus>> InstallCoreAsync(string id, CancellationToken ct)
    {
        if (Store.Get(id) is { State: not AppInstallState.Installing } existing)
        {
            return Fail<AppStatus>(new AppError(
                AppErrorCode.AlreadyInstalled, id, $"app \"{id}\" is installed already ({existing.State.ToString().ToLowerInvariant()}); upgrade it, or remove it first"));
        }

        var loaded = Catalog.Load(id, _options.Environment);
        if (!loaded.Succeeded)
        {
            return Fail<AppStatus>(loaded.Error);
        }

        var app = loaded.Value;
        var before = await StackObserver.ObserveAsync(_engine, id, null, ct).ConfigureAwait(false);
        var foreign = before.Containers.Where(c => c.Labels.GetValueOrDefault(AppLabels.App) != id).Select(c => c.Name).ToList();
        if (foreign.Count > 0)
        {
            return Fail<AppStatus>(new AppError(
                AppErrorCode.Conflict, id, $"app \"{id}\": project {id} already has containers that are not this app's ({string.Join(", ", foreign)}); take that stack down (cox down -p {id}) first"));
        }

        if (await PullImagesAsync(app, ct).ConfigureAwait(false) is { } pullError)
        {
            return Fail<AppStatus>(new AppError(AppErrorCode.PullFailed, id, $"app \"{id}\" was not installed: {pullError}") { Reasons = [pullError] });
        }

        var images = await AppStacks.ResolveImagesAsync(_engine, app, ct).ConfigureAwait(false);
        var now = Time.GetUtcNow();
        var record = new InstalledApp(id, AppInstallState.Installing, new AppRevision(app.ComposeText, images)) { InstalledAt = now, UpdatedAt = now };
        Store.Save(record);
        var networks = before.Networks.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        var volumes = before.Volumes.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<string> failures;
        IReadOnlyList<ContainerLogTail> tails;
        try
        {
            (failures, tails) = await UpAsync(app, images, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await RollBackInstallAsync(app, networks, volumes).ConfigureAwait(false);
            throw;
        }

        if (failures.Count == 0)
        {
            Store.Save(record with { State = AppInstallState.Installed, UpdatedAt = Time.GetUtcNow() });
            return await StatusCoreAsync(id, ct).ConfigureAwait(false);
        }

        var (removed, left) = await RollBackInstallAsync(app, networks, volumes).ConfigureAwait(false);
        var cleanup = left.Count == 0
            ? $"everything the install created was removed ({removed.Count} objects)"
            : $"the rollback could not remove: {string.Join(", ", left)}; remove the app to clean up";
        return Fail<AppStatus>(new AppError(
            AppErrorCode.InstallFailed, id, $"app \"{id}\" did not come up, so the install was rolled back ({cleanup}):\n{Describe(failures)}")
        {
            Reasons = failures,
            LogTails = tails,
            RolledBack = removed,
            Left = left,
        });
    }

    /// <summary>Removes the app's containers and the networks and volumes that were not there before; forgets the app when nothing is left.</summary>
    private async Task<(IReadOnlyList<string> Removed, IReadOnlyList<string> Left)> RollBackInstallAsync(AppDefinition app, HashSet<string> networks, HashSet<string> volumes)
    {
        var result = await new AppCleanup(_engine, Time).RemoveAsync(
            app.Id, app.Project, n => !networks.Contains(n), v => !volumes.Contains(v), CancellationToken.None).ConfigureAwait(false);
        if (result.Left.Count == 0)
        {
            Store.Delete(app.Id);
        }

        return result;
    }
}
