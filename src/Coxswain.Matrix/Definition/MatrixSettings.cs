namespace Coxswain.Matrix;

/// <summary>How a matrix runs: the flags of <c>cox matrix</c>, each with its documented default.</summary>
public sealed record MatrixSettings
{
    /// <summary>Default per-container deadline: 30 minutes.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(30);

    /// <summary>Default initial retry delay: 1 second (doubling).</summary>
    public static readonly TimeSpan DefaultBackoff = TimeSpan.FromSeconds(1);

    /// <summary>The cap on any retry delay: 60 seconds.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    /// <summary>The grace between the stop signal and SIGKILL when a container is stopped: 10 seconds.</summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    /// <summary>Default number of containers at once: 4.</summary>
    public const int DefaultConcurrency = 4;

    /// <summary>Default retries of a failed run: 2.</summary>
    public const int DefaultRetries = 2;

    /// <summary>Build the images (<c>--build</c>). With neither Build nor Run set, both happen.</summary>
    public bool Build { get; init; }

    /// <summary>Run the containers (<c>--run</c>). With neither Build nor Run set, both happen.</summary>
    public bool Run { get; init; }

    /// <summary>One interactive container of one target, no parallelism (<c>--shell</c>).</summary>
    public bool Shell { get; init; }

    /// <summary>Build without the engine's cache, and even when an image with the same content hash exists (<c>--no-cache</c>).</summary>
    public bool NoCache { get; init; }

    /// <summary>Pull newer base images when building (<c>--pull</c>).</summary>
    public bool Pull { get; init; }

    /// <summary>Leave containers after they end (<c>--keep-container</c>).</summary>
    public bool KeepContainer { get; init; }

    /// <summary>The deadline of one container run (<c>--timeout</c>).</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>How many containers run at once (<c>--concurrency</c>).</summary>
    public int Concurrency { get; init; } = DefaultConcurrency;

    /// <summary>The first failed target cancels the others (<c>--fail-fast</c>).</summary>
    public bool FailFast { get; init; } = true;

    /// <summary>How many times a failed run is tried again (<c>--retries</c>).</summary>
    public int Retries { get; init; } = DefaultRetries;

    /// <summary>The delay before the first retry, doubled each time, capped at <see cref="MaxBackoff"/> (<c>--backoff</c>).</summary>
    public TimeSpan Backoff { get; init; } = DefaultBackoff;

    /// <summary>How much is printed (<c>-q</c>, <c>-v</c>, <c>-vv</c>).</summary>
    public Verbosity Verbosity { get; init; } = Verbosity.Normal;

    /// <summary>Passed to the containers as <c>TEST_FILTER</c> (<c>--test-filter</c>); null passes nothing.</summary>
    public string? TestFilter { get; init; }

    /// <summary>True when images are built (Build, or neither Build nor Run).</summary>
    public bool Builds => Build || !Run;

    /// <summary>True when containers run (Run, or neither Build nor Run).</summary>
    public bool Runs => Run || !Build;

    /// <summary>The delay before retry <paramref name="retry"/> (1-based): exponential from <see cref="Backoff"/>, capped at 60 s.</summary>
    public TimeSpan RetryDelay(int retry) => Plans.BackoffCalculator.GetDelay(Plans.BackoffKind.Exponential, Backoff, retry, MaxBackoff);
}
