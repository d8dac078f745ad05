using Coxswain.Engine;
using Coxswain.Stacks;

namespace Coxswain.Apps;

/// <summary>Upgrade: the catalog's current Compose file and images replace the installed ones; the previous image is kept and
/// the app rolled back to it when the new version does not become healthy.</summary>
public sealed partial class AppManager
{
    /// <summary>The repository under which the image a service ran before an upgrade is kept: <c>cox-rollback/&lt;id&gt;:&lt;service&gt;</c>.</summary>
    public const string RollbackRepository = "cox-rollback";

    /// <summary>
    /// Upgrades app <paramref name="id"/> to the catalog's Compose file: keeps each service's current image under
    /// <c>cox-rollback/&lt;id&gt;:&lt;service&gt;</c>, pulls the new images (with retries), recreates what changed (a new image id
    /// under the same tag counts as a change) and waits until every service is healthy. When it does not come up, the previous
    /// image ids are tagged back to their references and the previous Compose file is brought up again.
    /// </summary>
    /// <param name="id">The app id.</param>
    /// <param name="cancellationToken">Cancels the upgrade.</param>
    /// <returns>The status, or the error (UpgradeFailed says whether the rollback worked).</returns>
    public Task<AppResult<AppStatus>> UpgradeAsync(string id, CancellationToken cancellationToken = default) =>
        LockedAsync(id, () => UpgradeCoreAsync(id, cancellationToken), cancellationToken);

    private async Task<AppResult<AppStatus>> UpgradeCoreAsync(string id, CancellationToken ct)
    {
        if (Store.Get(id) is not { } record)
        {
            return Fail<AppStatus>(NotInstalled(id));
        }

        var loaded = Catalog.Load(id, _options.Environment);
        if (!loaded.Succeeded)
        {
            return Fail<AppStatus>(loaded.Error);
        }

        var old = record.State == AppInstallState.Upgrading && record.Previous is { } interrupted ? interrupted : record.Current;
        var oldApp = LoadRevision(id, old, "previous");
        if (!oldApp.Succeeded)
        {
            return Fail<AppStatus>(oldApp.Error);
        }

        var next = loaded.Value;
        if (await PullImagesAsync(next, ct).ConfigureAwait(false) is { } pullError)
        {
            return Fail<AppStatus>(new AppError(AppErrorCode.PullFailed, id, $"app \"{id}\" was not upgraded (it runs as before): {pullError}") { Reasons = [pullError] });
        }

        var images = await AppStacks.ResolveImagesAsync(_engine, next, ct).ConfigureAwait(false);
        if (record.State == AppInstallState.Installed && next.ComposeText == old.ComposeText && SameImages(images, old.Images))
        {
            return await StatusCoreAsync(id, ct).ConfigureAwait(false);
        }

        await KeepImagesAsync(id, old.Images, ct).ConfigureAwait(false);
        var before = await StackObserver.ObserveAsync(_engine, id, null, ct).ConfigureAwait(false);
        Store.Save(record with { State = AppInstallState.Upgrading, Current = new AppRevision(next.ComposeText, images), Previous = old, UpdatedAt = Time.GetUtcNow() });
        var (failures, tails) = await UpAsync(next, images, ct).ConfigureAwait(false);
        if (failures.Count == 0)
        {
            Store.Save(record with { State = AppInstallState.Installed, Current = new AppRevision(next.ComposeText, images), Previous = old, UpdatedAt = Time.GetUtcNow() });
            return await StatusCoreAsync(id, ct).ConfigureAwait(false);
        }

        var (restored, rollbackFailures, left) = await RollBackUpgradeAsync(oldApp.Value, old, before).ConfigureAwait(false);
        Store.Save(record with { State = AppInstallState.Installed, Current = old, Previous = null, UpdatedAt = Time.GetUtcNow() });
        var outcome = rollbackFailures.Count == 0
            ? "it was rolled back to the previous version, which is up"
            : $"rolling back to the previous version failed too:\n{Describe(rollbackFailures)}";
        return Fail<AppStatus>(new AppError(AppErrorCode.UpgradeFailed, id, $"app \"{id}\": the new version did not come up, and {outcome}\nwhy the new version failed:\n{Describe(failures)}")
        {
            Reasons = [.. failures, .. rollbackFailures],
            LogTails = tails,
            RolledBack = restored,
            Left = left,
        });
    }

    private async Task<(IReadOnlyList<string> Restored, IReadOnlyList<string> Failures, IReadOnlyList<string> Left)> RollBackUpgradeAsync(
        AppDefinition oldApp, AppRevision old, ObservedStack before)
    {
        var restored = new List<string>();
        var failures = new List<string>();
        foreach (var (service, image) in old.Images.Where(i => i.Value.Id.Length > 0 && !i.Value.Reference.Contains('@', StringComparison.Ordinal)))
        {
            try
            {
                await _engine.TagImageAsync(image.Id, image.Reference, CancellationToken.None).ConfigureAwait(false);
                restored.Add($"image {image.Reference} ({service}) -> {ShortId(image.Id)}");
            }
            catch (EngineException ex)
            {
                failures.Add($"cannot tag the previous image {ShortId(image.Id)} of service {service} as {image.Reference} again: {ex.Message}");
            }
        }

        var (upFailures, _) = await UpAsync(oldApp, old.Images, CancellationToken.None).ConfigureAwait(false);
        failures.AddRange(upFailures);
        if (upFailures.Count == 0)
        {
            restored.Add("containers of the previous version");
        }

        var networks = before.Networks.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        var volumes = before.Volumes.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var wanted = AppStacks.Desired(oldApp, old.Images, "0");
        var keepNetworks = wanted.Networks.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        var keepVolumes = wanted.Volumes.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var cleanup = new AppCleanup(_engine, Time);
        var (removed, left) = await cleanup.RemoveResourcesAsync(
            oldApp.Id, n => !networks.Contains(n) && !keepNetworks.Contains(n), v => !volumes.Contains(v) && !keepVolumes.Contains(v), CancellationToken.None).ConfigureAwait(false);
        restored.AddRange(removed);
        return (restored, failures, left);
    }

    /// <summary>Tags each service's current image as <c>cox-rollback/&lt;id&gt;:&lt;service&gt;</c>, so it stays when its reference moves on.</summary>
    private async Task KeepImagesAsync(string id, IReadOnlyDictionary<string, AppImage> images, CancellationToken ct)
    {
        foreach (var (service, image) in images.Where(i => i.Value.Id.Length > 0))
        {
            try
            {
                await _engine.TagImageAsync(image.Id, RollbackTag(id, service), ct).ConfigureAwait(false);
            }
            catch (EngineNotFoundException)
            {
                // the previous image is gone already: nothing to keep
            }
        }
    }

    /// <summary>Removes the rollback tags of an app (best effort).</summary>
    private async Task ForgetKeptImagesAsync(InstalledApp record)
    {
        var services = record.Current.Images.Keys.Concat(record.Previous?.Images.Keys ?? []).Distinct(StringComparer.Ordinal);
        foreach (var service in services)
        {
            try
            {
                await _engine.RemoveImageAsync(RollbackTag(record.Id, service), cancellationToken: CancellationToken.None).ConfigureAwait(false);
            }
            catch (EngineException)
            {
                // no such tag, or the image is in use: nothing to forget
            }
        }
    }

    /// <summary>The tag that keeps a service's previous image: <c>cox-rollback/&lt;id&gt;:&lt;service&gt;</c> (tag characters only).</summary>
    /// <param name="id">The app id.</param>
    /// <param name="service">The service.</param>
    /// <returns>The reference.</returns>
    public static string RollbackTag(string id, string service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var tag = new string(service.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' ? c : '_').ToArray());
        tag = tag.Length == 0 || tag[0] is '.' or '-' ? "s" + tag : tag;
        return $"{RollbackRepository}/{id}:{tag[..Math.Min(tag.Length, 128)]}";
    }

    private static bool SameImages(IReadOnlyDictionary<string, AppImage> a, IReadOnlyDictionary<string, AppImage> b) =>
        a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var other) && other == pair.Value);

    private static string ShortId(string id)
    {
        var hex = id.StartsWith("sha256:", StringComparison.Ordinal) ? id[7..] : id;
        return hex[..Math.Min(12, hex.Length)];
    }
}
