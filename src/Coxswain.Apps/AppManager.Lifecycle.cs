using Coxswain.Stacks;

namespace Coxswain.Apps;

/// <summary>Start, stop and restart of an installed app, in dependency order.</summary>
public sealed partial class AppManager
{
    /// <summary>Starts the app: converges its stack (starting stopped containers, creating missing ones, dependencies first)
    /// and waits until every service is healthy (or running) within <see cref="AppManagerOptions.HealthTimeout"/>.</summary>
    /// <param name="id">The app id.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The status, or the error with the reasons and log tails (nothing is stopped or removed on failure).</returns>
    public Task<AppResult<AppStatus>> StartAsync(string id, CancellationToken cancellationToken = default) =>
        LockedAsync(id, () => StartCoreAsync(id, cancellationToken), cancellationToken);

    /// <summary>Stops the app gracefully: dependents first, each container with its stop_signal and stop_grace_period. Nothing is removed.</summary>
    /// <param name="id">The app id.</param>
    /// <param name="cancellationToken">Cancels the stop.</param>
    /// <returns>The status, or the error.</returns>
    public Task<AppResult<AppStatus>> StopAsync(string id, CancellationToken cancellationToken = default) =>
        LockedAsync(id, () => StopCoreAsync(id, cancellationToken), cancellationToken);

    /// <summary>Restarts the app: a graceful stop (dependents first), then a start that waits for health (dependencies first).</summary>
    /// <param name="id">The app id.</param>
    /// <param name="cancellationToken">Cancels the restart.</param>
    /// <returns>The status, or the error.</returns>
    public Task<AppResult<AppStatus>> RestartAsync(string id, CancellationToken cancellationToken = default) =>
        LockedAsync(id, async () =>
        {
            var stopped = await StopCoreAsync(id, cancellationToken).ConfigureAwait(false);
            return stopped.Succeeded ? await StartCoreAsync(id, cancellationToken).ConfigureAwait(false) : stopped;
        }, cancellationToken);

    private async Task<AppResult<AppStatus>> StartCoreAsync(string id, CancellationToken ct)
    {
        if (Store.Get(id) is not { } record)
        {
            return Fail<AppStatus>(NotInstalled(id));
        }

        var loaded = LoadRevision(id, record.Current, "current");
        if (!loaded.Succeeded)
        {
            return Fail<AppStatus>(loaded.Error);
        }

        var (failures, tails) = await UpAsync(loaded.Value, record.Current.Images, ct).ConfigureAwait(false);
        if (failures.Count > 0)
        {
            return Fail<AppStatus>(new AppError(AppErrorCode.OperationFailed, id, $"app \"{id}\" did not start:\n{Describe(failures)}")
            {
                Reasons = failures,
                LogTails = tails,
            });
        }

        return await StatusCoreAsync(id, ct).ConfigureAwait(false);
    }

    private async Task<AppResult<AppStatus>> StopCoreAsync(string id, CancellationToken ct)
    {
        if (Store.Get(id) is not { } record)
        {
            return Fail<AppStatus>(NotInstalled(id));
        }

        var loaded = LoadRevision(id, record.Current, "current");
        if (!loaded.Succeeded)
        {
            return Fail<AppStatus>(loaded.Error);
        }

        var observed = await StackObserver.ObserveAsync(_engine, id, null, ct).ConfigureAwait(false);
        var plan = LifecycleReconciler.Plan(loaded.Value.Project, observed, LifecycleAction.Stop);
        var result = await new StackExecutor(_engine, loaded.Value.Project, ExecutorOptions()).RunAsync(plan, ct).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return Fail<AppStatus>(new AppError(AppErrorCode.OperationFailed, id, $"app \"{id}\" did not stop:\n{Describe(result.Errors)}") { Reasons = result.Errors });
        }

        return await StatusCoreAsync(id, ct).ConfigureAwait(false);
    }
}
