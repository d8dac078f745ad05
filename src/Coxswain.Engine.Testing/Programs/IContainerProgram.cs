namespace Coxswain.Engine.Testing;

/// <summary>
/// What a container of the <see cref="InMemoryEngine"/> "runs": its main process, or an exec.
/// The engine calls <see cref="RunAsync"/> when the container starts (on the starting thread, so a program that finishes
/// or first awaits a delay on <see cref="ContainerProcess.TimeProvider"/> has done so when the start call returns).
/// </summary>
/// <remarks>
/// The returned number is the exit code (taken modulo 256). SIGKILL (kill, stop timeout, OOM, forced removal) ends the
/// process at once: the cancellation token (also <see cref="ContainerProcess.Killed"/>) is cancelled and
/// whatever the program returns afterwards is ignored; the exit code is 137. Every other signal is delivered to
/// <see cref="ContainerProcess.Signals"/>: a program that never reads it ignores signals, as PID 1 without handlers does
/// in a real container. An exception from the program ends it with exit code 1 and its message on stderr.
/// </remarks>
public interface IContainerProgram
{
    /// <summary>Runs the process and returns its exit code.</summary>
    Task<int> RunAsync(ContainerProcess process, CancellationToken cancellationToken);
}
