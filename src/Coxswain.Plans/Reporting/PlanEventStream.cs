using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Coxswain.Plans;

/// <summary>
/// Progress as an <see cref="IAsyncEnumerable{T}"/>: set it as <see cref="PlanOptions.Progress"/>
/// and read <see cref="ReadAllAsync"/> while the plan runs; the sequence ends after
/// <see cref="PlanEventKind.RunFinished"/>.
/// </summary>
public sealed class PlanEventStream : IProgress<PlanEvent>
{
    private readonly Channel<PlanEvent> channel = Channel.CreateUnbounded<PlanEvent>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });

    /// <inheritdoc />
    public void Report(PlanEvent value)
    {
        ArgumentNullException.ThrowIfNull(value);
        channel.Writer.TryWrite(value);
        if (value.Kind == PlanEventKind.RunFinished)
        {
            channel.Writer.TryComplete();
        }
    }

    /// <summary>The events of one run, live, ending after the run finishes.</summary>
    /// <param name="cancellationToken">Stops reading.</param>
    public async IAsyncEnumerable<PlanEvent> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var e in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return e;
        }
    }
}
