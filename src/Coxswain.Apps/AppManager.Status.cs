using Coxswain.Stacks;

namespace Coxswain.Apps;

/// <summary>Status, list, logs and container listing: reads only.</summary>
public sealed partial class AppManager
{
    /// <summary>Maximum log lines <see cref="LogsAsync"/> returns per container.</summary>
    public const int MaxLogLines = 10_000;

    /// <summary>The status of an installed app: its lifecycle state and each container's state.</summary>
    /// <param name="id">The app id.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The status, or NotInstalled.</returns>
    public Task<AppResult<AppStatus>> StatusAsync(string id, CancellationToken cancellationToken = default) =>
        LockedAsync(id, () => StatusCoreAsync(id, cancellationToken), cancellationToken);

    /// <summary>Every app in the catalog or installed, with its state.</summary>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The apps, by id.</returns>
    public async Task<AppResult<IReadOnlyList<AppListEntry>>> ListAsync(CancellationToken cancellationToken = default)
    {
        var installed = Store.List().ToDictionary(a => a.Id, StringComparer.Ordinal);
        var ids = Catalog.ListIds().Concat(installed.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var entries = new List<AppListEntry>();
        foreach (var id in ids)
        {
            var inCatalog = Catalog.FindFile(id) is not null;
            if (!installed.TryGetValue(id, out var record))
            {
                entries.Add(new AppListEntry(id, inCatalog, null));
                continue;
            }

            var status = await StatusCoreAsync(id, cancellationToken).ConfigureAwait(false);
            entries.Add(new AppListEntry(id, inCatalog, record.State) { Summary = status.Value?.Summary ?? "unknown" });
        }

        return AppResult<IReadOnlyList<AppListEntry>>.Ok(entries);
    }

    /// <summary>The last <paramref name="lines"/> log lines of each container of the app.</summary>
    /// <param name="id">The app id.</param>
    /// <param name="lines">Lines per container (1 to <see cref="MaxLogLines"/>); null for <see cref="AppManagerOptions.LogTailLines"/>.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>One tail per container.</returns>
    public Task<AppResult<IReadOnlyList<ContainerLogTail>>> LogsAsync(string id, int? lines = null, CancellationToken cancellationToken = default) =>
        LockedAsync(id, async () =>
        {
            if (Store.Get(id) is null)
            {
                return Fail<IReadOnlyList<ContainerLogTail>>(NotInstalled(id));
            }

            var count = Math.Clamp(lines ?? _options.LogTailLines, 1, MaxLogLines);
            return AppResult<IReadOnlyList<ContainerLogTail>>.Ok(await ReadTailsAsync(id, count, cancellationToken).ConfigureAwait(false));
        }, cancellationToken);

    /// <summary>The containers of every installed app (or of one).</summary>
    /// <param name="id">Only this app; null for all.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The containers, by app then name.</returns>
    public async Task<AppResult<IReadOnlyList<AppContainer>>> ListContainersAsync(string? id = null, CancellationToken cancellationToken = default)
    {
        if (id is not null)
        {
            var one = await StatusAsync(id, cancellationToken).ConfigureAwait(false);
            return one.Succeeded ? AppResult<IReadOnlyList<AppContainer>>.Ok(one.Value.Containers) : Fail<IReadOnlyList<AppContainer>>(one.Error);
        }

        var containers = new List<AppContainer>();
        foreach (var app in Store.List())
        {
            containers.AddRange(await ObserveContainersAsync(app.Id, cancellationToken).ConfigureAwait(false));
        }

        return AppResult<IReadOnlyList<AppContainer>>.Ok(containers);
    }

    private async Task<AppResult<AppStatus>> StatusCoreAsync(string id, CancellationToken ct)
    {
        if (Store.Get(id) is not { } record)
        {
            return Fail<AppStatus>(NotInstalled(id));
        }

        var containers = await ObserveContainersAsync(id, ct).ConfigureAwait(false);
        var loaded = LoadRevision(id, record.Current, "current");
        var services = loaded.Succeeded ? loaded.Value.Project.ActiveServices.Select(s => s.Name).ToList() : containers.Select(c => c.Service).Distinct().ToList();
        return AppResult<AppStatus>.Ok(new AppStatus(id, record.State, containers) { Services = services });
    }

    private async Task<IReadOnlyList<AppContainer>> ObserveContainersAsync(string id, CancellationToken ct)
    {
        var observed = await StackObserver.ObserveAsync(_engine, id, null, ct).ConfigureAwait(false);
        return observed.Containers.Select(c => ToAppContainer(id, c)).ToList();
    }

    private AppContainer ToAppContainer(string id, ObservedContainer container)
    {
        var health = _options.HealthMonitor?.GetSnapshot(container.Id)?.Status;
        var state = ContainerDisplayState.Derive(container.State, container.Running ? health : null).Text;
        return new AppContainer(id, container.Name, container.Service, container.Image, state, container.Running)
        {
            Id = container.Id,
            ExitCode = container.State.ExitCode,
        };
    }
}
