namespace Coxswain.Engine.Docker;

/// <summary>The caller's token combined with a timeout on the injected clock. <see cref="TimedOut"/> tells a timeout from
/// the caller's own cancellation.</summary>
internal sealed class RequestDeadline : IDisposable
{
    private readonly CancellationTokenSource timeout;
    private readonly CancellationTokenSource? linked;
    private readonly CancellationToken callerToken;

    public RequestDeadline(TimeSpan limit, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        callerToken = cancellationToken;
        timeout = new CancellationTokenSource(limit, timeProvider);
        if (cancellationToken.CanBeCanceled)
        {
            linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        }

        Limit = limit;
    }

    public TimeSpan Limit { get; }

    public CancellationToken Token => linked?.Token ?? timeout.Token;

    public bool TimedOut => timeout.IsCancellationRequested && !callerToken.IsCancellationRequested;

    public void Dispose()
    {
        linked?.Dispose();
        timeout.Dispose();
    }
}
