namespace Coxswain.Engine;

/// <summary>Running commands inside a running container. <see cref="ExecExtensions.ExecAsync"/> combines the three steps.</summary>
public interface IExecOperations
{
    /// <summary>Prepares a command in a running container and returns the exec id.
    /// Throws <see cref="EngineConflictException"/> when the container is not running.</summary>
    Task<string> CreateExecAsync(string containerIdOrName, ExecSpec spec, CancellationToken cancellationToken = default);

    /// <summary>Starts the exec and streams its output lines until the command ends.</summary>
    IAsyncEnumerable<LogLine> StartExecAsync(string execId, CancellationToken cancellationToken = default);

    /// <summary>Reads whether the exec is still running and, once it ended, its exit code.</summary>
    Task<ExecInfo> InspectExecAsync(string execId, CancellationToken cancellationToken = default);
}
