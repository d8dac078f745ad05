using System.Globalization;

namespace Coxswain.Plans;

/// <summary>
/// What to do when a task fails: retry it up to <see cref="Retries"/> times with <see cref="Backoff"/>,
/// then <see cref="Then"/> (stop everything, or continue with what does not depend on it).
/// Set per plan (<see cref="PlanOptions.ErrorStrategy"/>) and per task (<see cref="PlanTask.OnError"/>).
/// </summary>
public sealed record ErrorStrategy
{
    /// <summary>The number of retries <see cref="Retry(int, RetryBackoff?, FailureAction)"/> is usually given: 3.</summary>
    public const int DefaultRetries = 3;

    private ErrorStrategy(FailureAction then, int retries, RetryBackoff backoff)
    {
        Then = then;
        Retries = retries;
        Backoff = backoff;
    }

    /// <summary>Fail → cancel everything still running, start nothing new. The default.</summary>
    public static ErrorStrategy StopAll { get; } = new(FailureAction.StopAll, 0, RetryBackoff.Default);

    /// <summary>Fail → skip the failed task's dependents (transitively), keep running independent tasks.</summary>
    public static ErrorStrategy Continue { get; } = new(FailureAction.Continue, 0, RetryBackoff.Default);

    /// <summary>What happens once the retries are spent.</summary>
    public FailureAction Then { get; }

    /// <summary>How many times a failed task is tried again (0: never). A task runs at most Retries + 1 times.</summary>
    public int Retries { get; }

    /// <summary>The delays between attempts.</summary>
    public RetryBackoff Backoff { get; }

    /// <summary>Retry a failed task, then apply <paramref name="then"/>.</summary>
    /// <param name="retries">How many retries (≥ 0).</param>
    /// <param name="backoff">The delays; <see cref="RetryBackoff.Default"/> when null.</param>
    /// <param name="then">What to do when the retries are spent.</param>
    public static ErrorStrategy Retry(int retries, RetryBackoff? backoff = null, FailureAction then = FailureAction.StopAll)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(retries);
        return new(then, retries, backoff ?? RetryBackoff.Default);
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var then = Then == FailureAction.StopAll ? "stop_all" : "continue";
        return Retries == 0 ? then : string.Create(CultureInfo.InvariantCulture, $"retry {Retries} ({Backoff}) then {then}");
    }
}
