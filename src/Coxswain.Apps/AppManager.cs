using System.Collections.Concurrent;
using System.Globalization;
using Coxswain.Engine;
using Coxswain.Stacks;

namespace Coxswain.Apps;

/// <summary>
/// The app lifecycle keyed by app id, over a catalog of Compose files (<see cref="AppCatalog"/>) and a record of what is
/// installed (<see cref="AppStore"/>), carried out with the stack machinery: <see cref="StackRunner"/>'s observe → plan → execute,
/// <see cref="StackExecutor"/> (the one DAG executor), readiness waits and Coxswain's own probes. Every operation returns an
/// <see cref="AppResult{T}"/>: expected failures (not in the catalog, not installed, did not come up, ...) are typed errors.
/// Operations on one app run one at a time; different apps run in parallel.
/// </summary>
public sealed partial class AppManager
{
    private readonly IEngineClient _engine;
    private readonly AppManagerOptions _options;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    /// <summary>Creates a manager.</summary>
    /// <param name="engine">The engine the apps run on.</param>
    /// <param name="options">Catalog and state folders, timings, clock.</param>
    public AppManager(IEngineClient engine, AppManagerOptions options)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(options);
        _engine = engine;
        _options = options;
        Catalog = new AppCatalog(options.CatalogDirectory);
        Store = new AppStore(options.StateDirectory);
    }

    /// <summary>The catalog.</summary>
    public AppCatalog Catalog { get; }

    /// <summary>The record of installed apps.</summary>
    public AppStore Store { get; }

    private TimeProvider Time => _options.TimeProvider;

    private async Task<AppResult<T>> LockedAsync<T>(string id, Func<Task<AppResult<T>>> action, CancellationToken ct)
    {
        if (!AppIds.IsValid(id))
        {
            return AppResult<T>.Fail(AppIds.Invalid(id));
        }

        var gate = _locks.GetOrAdd(id, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (EngineUnavailableException ex)
        {
            return AppResult<T>.Fail(new AppError(AppErrorCode.EngineUnavailable, id, $"app {id}: the engine does not answer ({ex.Message}); start it and try again"));
        }
        finally
        {
            gate.Release();
        }
    }

    private StackExecutorOptions ExecutorOptions() => new()
    {
        TimeProvider = Time,
        MaxParallelism = _options.MaxParallelism,
        WaitTimeout = _options.HealthTimeout,
        LogTailLines = _options.LogTailLines,
        Progress = _options.Progress,
        PullRetries = 0,
        RollBackOnFailure = false,
    };

    private string Epoch() => Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private AppResult<AppDefinition> LoadRevision(string id, AppRevision revision, string kind) =>
        Catalog.LoadText(id, revision.ComposeText, Store.ComposeFileOf(id, kind), _options.Environment);

    private static AppError NotInstalled(string id) =>
        new(AppErrorCode.NotInstalled, id, $"app \"{id}\" is not installed; install it first");

    private static AppResult<T> Fail<T>(AppError error) => AppResult<T>.Fail(error);
}
