namespace Coxswain.Matrix;

/// <summary>How a target ended in a run.</summary>
public enum TargetStatus
{
    /// <summary>Its container exited 0 and no suite failed unexpectedly.</summary>
    Passed,

    /// <summary>Its last attempt failed (exit code, unexpected FAIL, a start or build error).</summary>
    Failed,

    /// <summary>Its last attempt ran into the deadline and was stopped.</summary>
    TimedOut,

    /// <summary>Cancelled by fail-fast or Ctrl+C, running or before it started.</summary>
    Cancelled,

    /// <summary>Only built (<c>--build</c>), not run.</summary>
    Built,
}
