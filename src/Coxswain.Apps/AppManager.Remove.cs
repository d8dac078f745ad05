using Coxswain.Stacks;

namespace Coxswain.Apps;

/// <summary>Remove: graceful stop, containers, volumes unless data is preserved, networks; whatever is left is an error.</summary>
public sealed partial class AppManager
{
    /// <summary>
    /// Removes app <paramref name="id"/>: stops its containers gracefully (dependents first, with stop_grace_period), removes them,
    /// its networks, and its volumes unless <paramref name="preserveData"/>; then sweeps anything else carrying its project label.
    /// When something is left, the error lists it and the app stays recorded (state removing) so the remove can be run again.
    /// Containers an interrupted install left behind are removed too, even when the app is not recorded.
    /// </summary>
    /// <param name="id">The app id.</param>
    /// <param name="preserveData">Keep the app's volumes (a later install finds its data again).</param>
    /// <param name="cancellationToken">Cancels the remove.</param>
    /// <returns>What was removed and which volumes were kept, or the error.</returns>
    public Task<AppResult<AppRemoval>> RemoveAsync(string id, bool preserveData = false, CancellationToken cancellationToken = default) =>
        LockedAsync(id, () => RemoveCoreAsync(id, preserveData, cancellationToken), cancellationToken);

    private async Task<AppResult<AppRemoval>> RemoveCoreAsync(string id, bool preserveData, CancellationToken ct)
    {
        var record = Store.Get(id);
        var before = await StackObserver.ObserveAsync(_engine, id, null, ct).ConfigureAwait(false);
        var ours = before.Containers.Where(c => c.Labels.GetValueOrDefault(AppLabels.App) == id).ToList();
        if (record is null && ours.Count == 0)
        {
            return Fail<AppRemoval>(NotInstalled(id));
        }

        if (before.Containers.Count > ours.Count)
        {
            var foreign = before.Containers.Except(ours).Select(c => c.Name);
            return Fail<AppRemoval>(new AppError(
                AppErrorCode.Conflict, id, $"app \"{id}\": project {id} has containers that are not this app's ({string.Join(", ", foreign)}); nothing was removed"));
        }

        var failures = new List<string>();
        var project = record is null ? null : LoadRevision(id, record.Current, "current").Value?.Project;
        if (record is not null)
        {
            Store.Save(record with { State = AppInstallState.Removing, UpdatedAt = Time.GetUtcNow() });
        }

        if (project is not null)
        {
            var down = await StackRunner.DownAsync(_engine, project, new DownOptions { RemoveVolumes = !preserveData, RemoveOrphans = true }, ExecutorOptions(), ct).ConfigureAwait(false);
            failures.AddRange(down.Errors);
        }

        var (_, left) = await new AppCleanup(_engine, Time).RemoveAsync(id, project, _ => true, _ => !preserveData, ct).ConfigureAwait(false);
        var gone = (IEnumerable<string> names) => names.Where(n => !left.Contains(n)).ToList();
        var removed = gone(before.Containers.Select(c => "container " + c.Name)
            .Concat(before.Networks.Select(n => "network " + n.Name))
            .Concat(preserveData ? [] : before.Volumes.Select(v => "volume " + v.Name)));
        if (left.Count > 0)
        {
            return Fail<AppRemoval>(new AppError(
                AppErrorCode.RemoveIncomplete, id, $"app \"{id}\" was only partly removed; still there: {string.Join(", ", left)}; run the remove again, or remove them by hand")
            {
                Reasons = failures,
                Left = left,
            });
        }

        if (record is not null)
        {
            await ForgetKeptImagesAsync(record).ConfigureAwait(false);
        }

        Store.Delete(id);
        var preserved = preserveData ? before.Volumes.Select(v => v.Name).ToList() : [];
        return AppResult<AppRemoval>.Ok(new AppRemoval(id, removed, preserved));
    }
}
