using System.Globalization;

namespace Coxswain.Plans;

/// <summary>
/// The delays between retries: a base delay grown by <see cref="Kind"/> and capped at
/// <see cref="MaxDelay"/>. There is no jitter: delays are exact, so runs on a fake clock are repeatable.
/// </summary>
/// <param name="Kind">How the delay grows.</param>
/// <param name="Delay">The base delay (before the first retry).</param>
/// <param name="MaxDelay">The cap on any one delay; null for no cap.</param>
public sealed record RetryBackoff(BackoffKind Kind, TimeSpan Delay, TimeSpan? MaxDelay = null)
{
    /// <summary>The default base delay: 1 second.</summary>
    public static readonly TimeSpan DefaultDelay = TimeSpan.FromSeconds(1);

    /// <summary>The default cap on one delay: 1 minute.</summary>
    public static readonly TimeSpan DefaultMaxDelay = TimeSpan.FromMinutes(1);

    /// <summary>Exponential from 1 s, capped at 1 min.</summary>
    public static RetryBackoff Default { get; } = new(BackoffKind.Exponential, DefaultDelay, DefaultMaxDelay);

    /// <summary>The same delay before every retry.</summary>
    /// <param name="delay">The delay.</param>
    public static RetryBackoff Constant(TimeSpan delay) => new(BackoffKind.Constant, delay);

    /// <summary>delay, 2×delay, 3×delay, ...</summary>
    /// <param name="delay">The base delay.</param>
    /// <param name="maxDelay">Optional cap.</param>
    public static RetryBackoff Linear(TimeSpan delay, TimeSpan? maxDelay = null) => new(BackoffKind.Linear, delay, maxDelay);

    /// <summary>delay, 2×delay, 4×delay, ...</summary>
    /// <param name="delay">The base delay.</param>
    /// <param name="maxDelay">Optional cap.</param>
    public static RetryBackoff Exponential(TimeSpan delay, TimeSpan? maxDelay = null) => new(BackoffKind.Exponential, delay, maxDelay);

    /// <summary>The delay before retry <paramref name="retry"/> (1-based).</summary>
    /// <param name="retry">Which retry: 1 for the first.</param>
    public TimeSpan GetDelay(int retry) => BackoffCalculator.GetDelay(Kind, Delay, retry, MaxDelay);

    /// <inheritdoc />
    public override string ToString()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{Kind.ToString().ToLowerInvariant()} {DurationText.Format(Delay)}");
        return MaxDelay is { } max ? $"{text} max {DurationText.Format(max)}" : text;
    }
}
