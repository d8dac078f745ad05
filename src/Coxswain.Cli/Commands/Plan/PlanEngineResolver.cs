using Coxswain.Engine;
using Coxswain.Plans;

namespace Coxswain.Cli.Commands.Plan;

/// <summary>
/// Engines for a plan's tasks: the default target is the engine <c>cox</c> discovers (or <c>--host</c>), a named target is
/// the endpoint the plan's <c>targets</c> give it. Each is connected once, when a task first needs it (a plan of host
/// commands never touches an engine), and disposed with the resolver.
/// </summary>
internal sealed class PlanEngineResolver(CliContext context, string? host, Action<string> log, CancellationToken runToken) : IEngineResolver, IAsyncDisposable
{
    private readonly Dictionary<string, Task<DiscoveredEngine>> engines = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>The plan's <c>targets</c>: name → endpoint.</summary>
    public IReadOnlyDictionary<string, string> Targets { get; set; } = new Dictionary<string, string>();

    public async ValueTask<IEngineClient> GetEngineAsync(string? target, CancellationToken cancellationToken)
    {
        string? address;
        if (target is null)
        {
            address = host;
        }
        else if (!Targets.TryGetValue(target, out address))
        {
            throw new KeyNotFoundException($"The plan has no target '{target}'; define it under 'targets' with an engine address.");
        }

        Task<DiscoveredEngine> connecting;
        lock (gate)
        {
            if (!engines.TryGetValue(target ?? "", out connecting!))
            {
                connecting = context.Engines.ConnectAsync(address, log, runToken);
                engines[target ?? ""] = connecting;
            }
        }

        try
        {
            var engine = await connecting.WaitAsync(cancellationToken).ConfigureAwait(false);
            return engine.Client;
        }
        catch (EngineUnavailableException ex)
        {
            var which = target is null ? "the default engine" : $"the engine of target '{target}' ({address})";
            throw new EngineUnavailableException(ex.Attempts, $"{which} is needed by this task but did not answer. {ex.Hint}", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task<DiscoveredEngine>[] all;
        lock (gate)
        {
            all = [.. engines.Values];
        }

        foreach (var connecting in all)
        {
            try
            {
                await (await connecting.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is EngineException or OperationCanceledException)
            {
                // It never connected: nothing to dispose (its task already reported the error).
            }
        }
    }
}
