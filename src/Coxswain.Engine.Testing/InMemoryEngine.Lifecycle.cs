using System.Net;

namespace Coxswain.Engine.Testing;

/// <summary>Start, stop, kill, restart; process runs, exits and the engine's own restart policy.</summary>
public sealed partial class InMemoryEngine
{
    private static readonly TimeSpan DefaultStopTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LongestTimedWait = TimeSpan.FromDays(30);
    private static readonly TimeSpan FirstRestartDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestRestartDelay = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan RestartDelayResetAfter = TimeSpan.FromSeconds(10);
    private static readonly IContainerProgram NotFoundShell = new ShellProgram(UnknownCommandBehavior.NotFound);

    /// <inheritdoc />
    public Task StartContainerAsync(string idOrName, CancellationToken cancellationToken = default) => Invoke(cancellationToken, () =>
    {
        ContainerRecord c;
        ProcessRun run;
        lock (_gate)
        {
            Enter(nameof(StartContainerAsync));
            var operation = $"start container {idOrName}";
            c = FindContainer(idOrName, operation);
            if (c.IsRunning)
            {
                return;
            }

            run = BeginRun(c, operation);
        }

        Launch(c, run);
    });

    /// <inheritdoc />
    public async Task StopContainerAsync(string idOrName, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ContainerRecord c;
        ProcessRun run;
        TimeSpan grace;
        var deferred = new DeferredActions();
        lock (_gate)
        {
            Enter(nameof(StopContainerAsync));
            c = FindContainer(idOrName, $"stop container {idOrName}");
            if (c.Status == ContainerStatus.Restarting && c.Run is null)
            {
                c.ManuallyStopped = true;
                CancelPendingRestart(c, ContainerStatus.Exited);
                PublishContainer(c, "stop");
                Changed();
                return;
            }

            if (c.Run is null)
            {
                return;
            }

            run = c.Run;
            c.ManuallyStopped = true;
            var signal = SignalNames.Normalize(c.Spec.StopSignal) ?? "SIGTERM";
            PublishKill(c, signal);
            if (signal == "SIGKILL")
            {
                EndRun(c, run, 137, ExitCause.Killed, deferred);
            }
            else
            {
                deferred.Add(() => run.Process.Deliver(signal));
            }

            grace = timeout ?? c.Spec.StopTimeout ?? DefaultStopTimeout;
        }

        deferred.Run();

        // Like dockerd 20.10, the stop goes on when the caller stops waiting: the kill still comes after the timeout.
        await FinishStopAsync(c, run, grace).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task FinishStopAsync(ContainerRecord c, ProcessRun run, TimeSpan grace)
    {
        await WaitForExitOrKillAsync(c, run, grace).ConfigureAwait(false);
        lock (_gate)
        {
            if (!c.Removed)
            {
                PublishContainer(c, "stop");
                Changed();
            }
        }
    }

    /// <inheritdoc />
    public Task KillContainerAsync(string idOrName, string? signal = null, CancellationToken cancellationToken = default) => Invoke(cancellationToken, () =>
    {
        var deferred = new DeferredActions();
        lock (_gate)
        {
            Enter(nameof(KillContainerAsync));
            var operation = $"kill container {idOrName}";
            var c = FindContainer(idOrName, operation);
            var normalized = SignalNames.Normalize(signal ?? "SIGKILL")
                ?? throw new EngineApiException(operation, HttpStatusCode.BadRequest, $"Invalid signal: {signal}");
            if (c.Status == ContainerStatus.Restarting && c.Run is null)
            {
                throw new EngineConflictException(operation, $"Container {c.Id} is restarting, wait until the container is running");
            }

            if (c.Run is not { } run)
            {
                throw new EngineConflictException(operation, $"Cannot kill container: {idOrName}: Container {c.Id} is not running");
            }

            c.ManuallyStopped = true;
            PublishKill(c, normalized);
            if (normalized == "SIGKILL")
            {
                EndRun(c, run, 137, ExitCause.Killed, deferred);
            }
            else
            {
                deferred.Add(() => run.Process.Deliver(normalized));
            }

            Changed();
        }

        deferred.Run();
    });

    /// <inheritdoc />
    public async Task RestartContainerAsync(string idOrName, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        await StopContainerAsync(idOrName, timeout, cancellationToken).ConfigureAwait(false);
        ContainerRecord c;
        ProcessRun run;
        lock (_gate)
        {
            Enter(nameof(RestartContainerAsync));
            var operation = $"restart container {idOrName}";
            c = FindContainer(idOrName, operation);
            if (c.IsRunning)
            {
                PublishContainer(c, "restart");
                return;
            }

            run = BeginRun(c, operation);
            PublishContainer(c, "restart");
        }

        Launch(c, run);
    }

    /// <summary>Waits up to <paramref name="grace"/> for the run to end after the stop signal, then SIGKILLs it.</summary>
    private async Task WaitForExitOrKillAsync(ContainerRecord c, ProcessRun run, TimeSpan grace)
    {
        if (!run.Exited.Task.IsCompleted)
        {
            if (grace < TimeSpan.Zero || grace > LongestTimedWait)
            {
                await run.Exited.Task.ConfigureAwait(false);
            }
            else
            {
                using var timer = new CancellationTokenSource();
                var delay = Task.Delay(grace, _time, timer.Token);
                await Task.WhenAny(run.Exited.Task, delay).ConfigureAwait(false);
#pragma warning disable CA1849 // Synchronous on purpose: the stop goes on inline with the exit, for deterministic tests.
                timer.Cancel();
#pragma warning restore CA1849
            }
        }

        var deferred = new DeferredActions();
        lock (_gate)
        {
            if (!run.Ended)
            {
                PublishKill(c, "SIGKILL");
                EndRun(c, run, 137, ExitCause.Killed, deferred);
            }
        }

        deferred.Run();
    }
}
