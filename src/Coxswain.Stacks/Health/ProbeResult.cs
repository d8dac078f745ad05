namespace Coxswain.Stacks;

/// <summary>One probe run: when it started and ended (on the monitor's clock), its exit code and its output.</summary>
/// <param name="Start">When the probe started.</param>
/// <param name="End">When the probe ended (or timed out).</param>
/// <param name="ExitCode">The command's exit code; -1 when it timed out or could not run.</param>
/// <param name="Output">Stdout and stderr (truncated to <see cref="HealthTracker.MaxOutputLength"/> characters once recorded).</param>
public sealed record ProbeResult(DateTimeOffset Start, DateTimeOffset End, long ExitCode, string Output)
{
    /// <summary>True when the probe did not finish within <see cref="HealthProbe.Timeout"/>.</summary>
    public bool TimedOut { get; init; }

    /// <summary>True when the probe exited 0 in time.</summary>
    public bool Passed => ExitCode == 0 && !TimedOut;

    /// <summary>How long the probe took.</summary>
    public TimeSpan Duration => End - Start;
}
