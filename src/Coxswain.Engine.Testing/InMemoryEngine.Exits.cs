using System.Globalization;

namespace Coxswain.Engine.Testing;

/// <summary>Process exits: state, events (oom, die, disconnect, unmount) and the engine's own restart policy.</summary>
public sealed partial class InMemoryEngine
{
    /// <summary>Ends a run under the lock: state, events (oom, die, disconnect, unmount), and the restart policy.</summary>
    private void EndRun(ContainerRecord c, ProcessRun run, long exitCode, ExitCause cause, DeferredActions deferred)
    {
        run.Process.Flush();
        run.Ended = true;
        c.Run = null;
        var now = _time.GetUtcNow();
        c.ExitCode = exitCode;
        c.OomKilled = cause == ExitCause.OutOfMemory;
        c.FinishedAt = now;
        c.Pid = 0;
        var restart = cause != ExitCause.Killed && !c.ManuallyStopped && !c.Removed && !_disposed && PolicyRestarts(c, exitCode);
        if (cause == ExitCause.OutOfMemory)
        {
            PublishContainer(c, "oom");
        }

        if (restart)
        {
            c.RestartCount++;
            c.Status = ContainerStatus.Restarting;
            c.RestartDelay = now - run.StartedAt >= RestartDelayResetAfter || c.RestartDelay == TimeSpan.Zero
                ? FirstRestartDelay
                : c.RestartDelay * 2;
            if (c.RestartDelay > LongestRestartDelay)
            {
                c.RestartDelay = LongestRestartDelay;
            }
        }
        else
        {
            c.Status = ContainerStatus.Exited;
        }

        PublishContainer(c, "die", ("exitCode", exitCode.ToString(CultureInfo.InvariantCulture)));
        foreach (var (_, endpoint) in c.Networks)
        {
            endpoint.IPAddress = "";
            if (_networks.TryGetValue(endpoint.NetworkId, out var network))
            {
                PublishNetwork(network, "disconnect", c.Id);
            }
        }

        foreach (var (volume, _) in c.Volumes)
        {
            if (_volumes.TryGetValue(volume, out var record))
            {
                PublishVolume(record, "unmount", ("container", c.Id));
            }
        }

        c.BoundPorts.Clear();
        run.Exited.TrySetResult(exitCode);
        deferred.Add(run.Kill.Cancel);
        if (restart)
        {
            var pending = new CancellationTokenSource();
            c.PendingRestart = pending;
            var delay = c.RestartDelay;
            deferred.Add(() => _ = RestartLaterAsync(c, pending, delay));
        }

        Changed();
    }

    private static bool PolicyRestarts(ContainerRecord c, long exitCode) => c.Spec.RestartPolicy switch
    {
        { Name: "always" or "unless-stopped" } => true,
        { Name: "on-failure", MaximumRetryCount: var max } => exitCode != 0 && (max <= 0 || c.RestartCount < max),
        _ => false,
    };

    private async Task RestartLaterAsync(ContainerRecord c, CancellationTokenSource pending, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _time, pending.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        ProcessRun run;
        lock (_gate)
        {
            if (c.PendingRestart != pending || c.Removed || _disposed || c.Status != ContainerStatus.Restarting)
            {
                return;
            }

            c.PendingRestart = null;
            pending.Dispose();
            try
            {
                run = BeginRun(c, $"restart container {c.Name}");
            }
            catch (EngineException e)
            {
                c.Status = ContainerStatus.Exited;
                c.Error = e.Message;
                Changed();
                return;
            }
        }

        Launch(c, run);
    }

    private static void CancelPendingRestart(ContainerRecord c, ContainerStatus status)
    {
        c.PendingRestart?.Cancel();
        c.PendingRestart = null;
        if (c.Status == ContainerStatus.Restarting)
        {
            c.Status = status;
        }
    }

    /// <summary>Ends a running container's process now (fault injection); works while disconnected, without events then.</summary>
    internal void EndNow(string idOrName, long exitCode, ExitCause cause)
    {
        var deferred = new DeferredActions();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var c = FindContainer(idOrName, $"end container {idOrName}");
            if (c.Run is not { } run)
            {
                throw new InvalidOperationException($"container {c.Name} ({c.Id[..12]}) is {c.Status.ToString().ToLowerInvariant()}, not running: start it before injecting an exit or OOM kill");
            }

            EndRun(c, run, exitCode & 0xFF, cause, deferred);
        }

        deferred.Run();
    }
}
