using Coxswain.Compose;
using Coxswain.Engine;

namespace Coxswain.Stacks;

/// <summary>Observe → decide → act for <c>up</c> and <c>down</c>: one read of the engine, the pure reconciler, then the executor.</summary>
public static class StackRunner
{
    /// <summary>Observes the engine and plans an up (nothing is changed).</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="desired">The desired stack.</param>
    /// <param name="options">Orphans, --wait.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The plan.</returns>
    public static async Task<StackPlan> PlanUpAsync(IEngineClient engine, DesiredStack desired, UpOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var observed = await StackObserver.ObserveAsync(engine, desired.Name, desired.Images.Select(i => i.Reference), cancellationToken).ConfigureAwait(false);
        return UpReconciler.Plan(desired, observed, options);
    }

    /// <summary>Observes the engine and plans a down (nothing is changed).</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="project">The project.</param>
    /// <param name="options">-v, -t, --remove-orphans.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The plan.</returns>
    public static async Task<StackPlan> PlanDownAsync(IEngineClient engine, ComposeProject project, DownOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        var observed = await StackObserver.ObserveFromListsAsync(engine, project.Name, cancellationToken).ConfigureAwait(false);
        return DownReconciler.Plan(project, observed, options);
    }

    /// <summary>Plans and runs an up.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="desired">The desired stack.</param>
    /// <param name="options">Orphans, --wait.</param>
    /// <param name="executor">Parallelism, retries, clock, progress.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The result.</returns>
    public static async Task<StackRunResult> UpAsync(IEngineClient engine, DesiredStack desired, UpOptions? options = null, StackExecutorOptions? executor = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var plan = await PlanUpAsync(engine, desired, options, cancellationToken).ConfigureAwait(false);
        return await new StackExecutor(engine, desired.Project, executor).RunAsync(plan, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Plans and runs a down.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="project">The project.</param>
    /// <param name="options">-v, -t, --remove-orphans.</param>
    /// <param name="executor">Parallelism, clock, progress.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The result.</returns>
    public static async Task<StackRunResult> DownAsync(IEngineClient engine, ComposeProject project, DownOptions? options = null, StackExecutorOptions? executor = null, CancellationToken cancellationToken = default)
    {
        var plan = await PlanDownAsync(engine, project, options, cancellationToken).ConfigureAwait(false);
        return await new StackExecutor(engine, project, executor).RunAsync(plan, cancellationToken).ConfigureAwait(false);
    }
}
