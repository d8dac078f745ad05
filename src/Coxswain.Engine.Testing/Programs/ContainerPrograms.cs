namespace Coxswain.Engine.Testing;

/// <summary>Ready-made <see cref="IContainerProgram"/>s for scripting images in tests.</summary>
public static class ContainerPrograms
{
    /// <summary>The default: the busybox <c>sh</c> subset of <see cref="ShellProgram"/> run over entrypoint + command.</summary>
    public static IContainerProgram Shell { get; } = new ShellProgram();

    /// <summary>Prints <paramref name="stdout"/>, then runs until stopped. With <paramref name="exitCodeOnSignal"/> it handles
    /// SIGTERM and SIGINT by exiting with that code (a well-behaved server); without, it ignores them (PID 1 without handlers),
    /// so a stop waits out its timeout and ends in SIGKILL (exit 137).</summary>
    public static IContainerProgram RunUntilStopped(int? exitCodeOnSignal = null, params string[] stdout) =>
        FromDelegate(async (process, ct) =>
        {
            foreach (var line in stdout)
            {
                process.WriteLine(line);
            }

            while (true)
            {
                var signal = await process.Signals.ReadAsync(ct).ConfigureAwait(false);
                if (exitCodeOnSignal is { } code && signal is "SIGTERM" or "SIGINT")
                {
                    return code;
                }
            }
        });

    /// <summary>Prints <paramref name="stdout"/>, waits <paramref name="after"/> (on the engine's clock) and exits with <paramref name="exitCode"/>.</summary>
    public static IContainerProgram Exit(int exitCode, TimeSpan? after = null, params string[] stdout) =>
        FromDelegate(async (process, ct) =>
        {
            foreach (var line in stdout)
            {
                process.WriteLine(line);
            }

            if (after is { } delay && delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, process.TimeProvider, ct).ConfigureAwait(false);
            }

            return exitCode;
        });

    /// <summary>A program from a delegate: <c>async (process, ct) =&gt; { ...; return exitCode; }</c>.</summary>
    public static IContainerProgram FromDelegate(Func<ContainerProcess, CancellationToken, Task<int>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new DelegateProgram(run);
    }

    private sealed class DelegateProgram(Func<ContainerProcess, CancellationToken, Task<int>> run) : IContainerProgram
    {
        public Task<int> RunAsync(ContainerProcess process, CancellationToken cancellationToken) => run(process, cancellationToken);
    }
}
