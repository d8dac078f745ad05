using Coxswain.Engine;

namespace Coxswain.Supervision;

/// <summary>Classifies a container's state into a <see cref="Failure"/>. Pure: every fact comes in as an argument.</summary>
public static class FailureClassifier
{
    /// <summary>The failure a not-running container shows, or null when it runs.</summary>
    /// <param name="state">The engine's state of the container.</param>
    /// <param name="seenAt">When it was seen (used when the engine gives no finish time).</param>
    /// <param name="oomEvidence">True when an <c>oom</c> event or the cgroup's counter says memory ended it (Podman never sets <c>OOMKilled</c>).</param>
    /// <returns>The failure, or null.</returns>
    public static Failure? Classify(ContainerState state, DateTimeOffset seenAt, bool oomEvidence = false)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Running || state.Status is ContainerStatus.Running or ContainerStatus.Restarting or ContainerStatus.Paused)
        {
            return null;
        }

        if (state.Status == ContainerStatus.Created || (state.StartedAt is null && state.FinishedAt is null))
        {
            return new Failure(string.IsNullOrEmpty(state.Error) ? FailureKind.StuckCreated : FailureKind.StartFailed, seenAt)
            {
                Detail = state.Error,
            };
        }

        var at = state.FinishedAt ?? seenAt;
        var code = state.ExitCode;
        if (state.OomKilled || oomEvidence)
        {
            return new Failure(FailureKind.OomKilled, at, code);
        }

        if (!string.IsNullOrEmpty(state.Error))
        {
            return new Failure(FailureKind.StartFailed, at, code) { Detail = state.Error };
        }

        return code switch
        {
            0 => new Failure(FailureKind.CleanExit, at, 0),
            137 => new Failure(FailureKind.Killed, at, 137),
            _ => new Failure(FailureKind.Crashed, at, code),
        };
    }
}
