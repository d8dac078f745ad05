using System.Collections.Concurrent;

namespace Coxswain.EngineTests;

/// <summary>An <see cref="IProgress{T}"/> that keeps every report, synchronously (no captured context).</summary>
internal sealed class Recorded<T> : IProgress<T>
{
    private readonly ConcurrentQueue<T> items = new();

    public IReadOnlyList<T> Items => [.. items];

    public void Report(T value) => items.Enqueue(value);
}
