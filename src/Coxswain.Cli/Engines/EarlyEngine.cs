using Coxswain.Engine;

namespace Coxswain.Cli.Engines;

/// <summary>
/// Finding the engine, started before a command reads its files: the ping and version round trips (and warming the HTTP
/// stack) then overlap the parsing, and both are start-up time of every command. <see cref="TakeAsync"/> hands over the
/// engine (or throws what discovery threw); disposing without taking it cancels the search and closes what it found, for
/// when the files turn out wrong and the person needs that error, not one about the engine.
/// </summary>
internal sealed class EarlyEngine : IAsyncDisposable
{
    private readonly CancellationTokenSource _cancel;
    private readonly Task<DiscoveredEngine> _connecting;
    private bool _taken;

    private EarlyEngine(CancellationTokenSource cancel, Task<DiscoveredEngine> connecting)
    {
        _cancel = cancel;
        _connecting = connecting;
    }

    /// <summary>Starts connecting on the thread pool (<paramref name="host"/>: the <c>--host</c> option, or null).</summary>
    public static EarlyEngine Start(IEngineConnector engines, string? host, CancellationToken cancellationToken)
    {
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = cancel.Token;
        return new EarlyEngine(cancel, Task.Run(() => engines.ConnectAsync(host, null, token), token));
    }

    /// <summary>The engine found; the caller disposes it. Throws <see cref="EngineUnavailableException"/> when none answered.</summary>
    public Task<DiscoveredEngine> TakeAsync()
    {
        _taken = true;
        return _connecting;
    }

    /// <summary>When the engine was not taken: cancels the search and disposes what it found; its failure does not matter then.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_taken)
        {
            await _cancel.CancelAsync().ConfigureAwait(false);
            try
            {
                await (await _connecting.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is EngineException or OperationCanceledException or HttpRequestException)
            {
                // Nobody will use this engine: the command's own error is what the person needs to see.
            }
        }

        _cancel.Dispose();
    }
}
