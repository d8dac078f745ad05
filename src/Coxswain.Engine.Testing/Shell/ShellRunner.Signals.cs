using System.Globalization;

namespace Coxswain.Engine.Testing;

/// <summary>Waiting with signals in mind: foreground waits, traps, background jobs.</summary>
internal sealed partial class ShellRunner
{
    private void StartJob(AndOrList command, ShellIo io)
    {
        var child = Child();
        _jobs.Add(child.RunJobAsync(command, io));
        _vars["!"] = (_nextJobPid++).ToString(CultureInfo.InvariantCulture);
        _status = 0;
    }

    private async Task<int> RunJobAsync(AndOrList command, ShellIo io)
    {
        try
        {
            await ExecAndOrAsync(command, io).ConfigureAwait(false);
            return _status;
        }
        catch (ShellExitException exit)
        {
            return exit.Code;
        }
    }

    /// <summary>A wait that ends only when the process is killed (no timer is created).</summary>
    private Task Forever() => Task.Delay(Timeout.InfiniteTimeSpan, _process.TimeProvider, _killed);

    /// <summary>Waits for <paramref name="work"/> while handling signals (foreground runner only).
    /// Returns true when a trapped signal interrupted the wait (only with <paramref name="interruptOnTrap"/>).</summary>
    private async Task<bool> WaitForegroundAsync(Task work, bool interruptOnTrap)
    {
        _iterationsWithoutWait = 0;
        if (!_foreground)
        {
            await work.ConfigureAwait(false);
            return false;
        }

        while (true)
        {
            DrainSignals();
            if (interruptOnTrap && _pendingTraps.Count > 0)
            {
                return true;
            }

            if (work.IsCompleted)
            {
                await work.ConfigureAwait(false);
                return false;
            }

            using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(_killed);
            var signalArrived = _process.Signals.WaitToReadAsync(stopWaiting.Token).AsTask();
            await Task.WhenAny(work, signalArrived).ConfigureAwait(false);
            // Synchronous on purpose: the process must go on inline on the thread that advanced the clock, so that a
            // test sees it at its next wait when Advance returns (CancelAsync would hop to the thread pool).
#pragma warning disable CA1849
            stopWaiting.Cancel();
#pragma warning restore CA1849
            _killed.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Moves signals that arrived into the pending-trap queue; an untrapped one ends a process that is not PID 1.</summary>
    private void DrainSignals()
    {
        if (!_foreground)
        {
            return;
        }

        while (_process.Signals.TryRead(out var signal))
        {
            var name = signal[3..];
            if (_traps.TryGetValue(name, out var action))
            {
                if (action.Length > 0)
                {
                    _pendingTraps.Enqueue(name);
                }
            }
            else if (!_process.IsPid1 && SignalNames.TerminatesByDefault(signal))
            {
                throw new ShellExitException(128 + SignalNames.Number(signal), bySignal: true);
            }
        }
    }

    private async Task RunPendingTrapsAsync(ShellIo io)
    {
        DrainSignals();
        while (_pendingTraps.TryDequeue(out var name))
        {
            if (!_traps.TryGetValue(name, out var action) || action.Length == 0)
            {
                continue;
            }

            var saved = _status;
            await RunScriptAsync(action, io).ConfigureAwait(false);
            _status = saved;
            DrainSignals();
        }
    }
}
