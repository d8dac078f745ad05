using System.Globalization;

namespace Coxswain.Supervision;

/// <summary>One observed failure of a service's container: what, when, with its exit code and details.</summary>
/// <param name="Kind">The classification.</param>
/// <param name="At">When it happened (the engine's finish time when known, else when it was seen).</param>
/// <param name="ExitCode">The exit code, when the container exited.</param>
public sealed record Failure(FailureKind Kind, DateTimeOffset At, long? ExitCode = null)
{
    /// <summary>More about it: the engine's start error, the probe's last output, the failing streak.</summary>
    public string Detail { get; init; } = "";

    /// <summary>The container concerned (name), when there is one.</summary>
    public string? Container { get; init; }

    /// <summary>As people read it: "crashed (exit 1)", "killed (OOM)", "killed", "unhealthy", "exited (exit 0)",
    /// "stuck in created", "removed", "start failed".</summary>
    public string Text => Kind switch
    {
        FailureKind.CleanExit => "exited (exit 0)",
        FailureKind.Crashed => string.Create(CultureInfo.InvariantCulture, $"crashed (exit {ExitCode ?? 1})"),
        FailureKind.OomKilled => "killed (OOM)",
        FailureKind.Killed => "killed",
        FailureKind.Unhealthy => "unhealthy",
        FailureKind.StuckCreated => "stuck in created",
        FailureKind.Removed => "removed",
        _ => "start failed",
    };

    /// <summary>True for an exit with code 0 (which <c>restart: on-failure</c> does not heal).</summary>
    public bool IsSuccess => Kind == FailureKind.CleanExit;
}
