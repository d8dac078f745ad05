using System.Globalization;

namespace Coxswain.Engine.Testing;

/// <summary>Commands about the process itself: exit, sleep, trap, wait.</summary>
internal sealed partial class ShellRunner
{
    private void Exit(List<string> args, ShellIo io)
    {
        if (args.Count == 0)
        {
            throw new ShellExitException(_status);
        }

        if (!int.TryParse(args[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code))
        {
            Write(io.Err, $"sh: exit: Illegal number: {args[0]}\n");
            throw new ShellExitException(2);
        }

        throw new ShellExitException(code & 0xFF);
    }

    private async Task SleepAsync(List<string> args, ShellIo io)
    {
        if (args.Count == 0)
        {
            Write(io.Err, "sleep: missing operand\n");
            _status = 1;
            return;
        }

        var total = TimeSpan.Zero;
        var infinite = false;
        foreach (var arg in args)
        {
            if (ParseDuration(arg) is not { } duration)
            {
                Write(io.Err, $"sleep: invalid number '{arg}'\n");
                _status = 1;
                return;
            }

            if (duration == Timeout.InfiniteTimeSpan)
            {
                infinite = true;
            }
            else
            {
                total += duration;
            }
        }

        await WaitForegroundAsync(infinite ? Forever() : DelayAsync(total), interruptOnTrap: false).ConfigureAwait(false);
        _status = 0;
    }

    private async Task DelayAsync(TimeSpan total)
    {
        while (total > TimeSpan.Zero)
        {
            var step = total > LongestTimerWait ? LongestTimerWait : total;
            await Task.Delay(step, _process.TimeProvider, _killed).ConfigureAwait(false);
            total -= step;
        }
    }

    /// <summary>busybox sleep's argument: a number with an optional s/m/h/d suffix, or "inf"/"infinity".</summary>
    internal static TimeSpan? ParseDuration(string text)
    {
        if (text is "inf" or "infinity")
        {
            return Timeout.InfiniteTimeSpan;
        }

        var unit = 1.0;
        var number = text;
        if (text.Length > 1 && char.IsAsciiLetter(text[^1]))
        {
            unit = text[^1] switch
            {
                's' => 1,
                'm' => 60,
                'h' => 3600,
                'd' => 86400,
                _ => double.NaN,
            };
            number = text[..^1];
        }

        if (double.IsNaN(unit) || !double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        var seconds = value * unit;
        return seconds > TimeSpan.MaxValue.TotalSeconds / 2 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(seconds);
    }

    private void Trap(List<string> args, ShellIo io)
    {
        _status = 0;
        if (args.Count == 0)
        {
            foreach (var (signal, command) in _traps)
            {
                Write(io.Out, $"trap -- '{command}' {signal}\n");
            }

            return;
        }

        var action = args[0];
        var signals = args.Skip(1).ToList();
        if (signals.Count == 0)
        {
            // "trap N" resets N: POSIX treats a lone unsigned integer operand as a condition.
            signals = [action];
            action = "-";
        }

        foreach (var signal in signals)
        {
            var name = signal is "0" or "EXIT" ? "EXIT" : SignalNames.Normalize(signal)?[3..];
            if (name is null)
            {
                Write(io.Err, $"sh: trap: {signal}: invalid signal specification\n");
                _status = 1;
                continue;
            }

            if (action == "-")
            {
                _traps.Remove(name);
            }
            else
            {
                _traps[name] = action;
            }
        }
    }

    private async Task WaitAsync(List<string> args)
    {
        var all = Task.WhenAll(_jobs);
        if (await WaitForegroundAsync(all, interruptOnTrap: true).ConfigureAwait(false))
        {
            _status = 128 + SignalNames.Number("SIG" + _pendingTraps.Peek());
            return;
        }

        var statuses = await all.ConfigureAwait(false);
        _jobs.Clear();
        _status = args.Count > 0 && statuses.Length > 0 ? statuses[^1] : 0;
    }
}
