using System.Text;

namespace Coxswain.Engine;

/// <summary>Runs a command in a container in one call: create, start, collect output, read the exit code.</summary>
public static class ExecExtensions
{
    /// <summary>Runs <paramref name="spec"/> in a running container and returns its output and exit code.
    /// Throws <see cref="TimeoutException"/> when it takes longer than <paramref name="timeout"/> (measured on <paramref name="timeProvider"/>).</summary>
    public static async Task<ExecResult> ExecAsync(
        this IEngineClient engine,
        string containerIdOrName,
        ExecSpec spec,
        TimeSpan? timeout = null,
        TimeProvider? timeProvider = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(spec);
        using var deadline = timeout is { } t
            ? new CancellationTokenSource(t, timeProvider ?? TimeProvider.System)
            : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        try
        {
            var execId = await engine.CreateExecAsync(containerIdOrName, spec, linked.Token).ConfigureAwait(false);
            await foreach (var line in engine.StartExecAsync(execId, linked.Token).ConfigureAwait(false))
            {
                var target = line.Stream == LogStream.Stderr ? stderr : stdout;
                target.Append(line.Text).Append('\n');
            }

            var info = await engine.InspectExecAsync(execId, linked.Token).ConfigureAwait(false);
            return new ExecResult(info.ExitCode ?? -1, stdout.ToString(), stderr.ToString());
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"'{string.Join(' ', spec.Command)}' in container {containerIdOrName} did not finish within {timeout!.Value.TotalSeconds:0.###} s; output so far: {stdout}{stderr}");
        }
    }
}
