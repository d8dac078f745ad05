namespace Coxswain.Stacks;

/// <summary>One thing to wait for on a container (running, healthy, completed, a port, a log line). A
/// <see cref="Waiter"/> checks it every interval until it is ready, fails, or time runs out.</summary>
public interface IWaitCondition
{
    /// <summary>What is awaited, as it reads after "waited for it to be": "running", "healthy", "listening on port 8080".</summary>
    string Description { get; }

    /// <summary>True when the container exiting is part of the condition (completion), so the waiter must not fail fast on exit.</summary>
    bool ExpectsExit { get; }

    /// <summary>Checks the condition once against the freshly inspected container in <paramref name="context"/>.</summary>
    ValueTask<WaitCheck> CheckAsync(WaitContext context, CancellationToken cancellationToken);
}
