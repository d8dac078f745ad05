namespace Coxswain.Engine.Testing;

/// <summary>
/// Runs the in-memory shell's subset for one process. A foreground runner (the process itself) reads the process's
/// signals: a trapped signal runs its action after the current command ends, or at once while in <c>wait</c> (as
/// busybox ash does); an untrapped one is ignored by PID 1 and ends any other process with 128+n. Background jobs and
/// nested shells are child runners that never see signals.
/// </summary>
internal sealed partial class ShellRunner
{
    private const int LoopIterationsBeforeYield = 1000;
    private readonly ContainerProcess _process;
    private readonly UnknownCommandBehavior _unknown;
    private readonly CancellationToken _killed;
    private readonly bool _foreground;
    private readonly Dictionary<string, string> _vars;
    private readonly Dictionary<string, string> _traps = new(StringComparer.Ordinal);
    private readonly Queue<string> _pendingTraps = new();
    private readonly List<Task<int>> _jobs = [];
    private IReadOnlyList<string> _positional = [];
    private string _arg0 = "sh";
    private int _status;
    private int _nextJobPid = 100;
    private int _iterationsWithoutWait;
    private ContainerFileSystem _files;

    public ShellRunner(ContainerProcess process, UnknownCommandBehavior unknown, CancellationToken killed)
        : this(process, unknown, foreground: true, new Dictionary<string, string>(process.Environment, StringComparer.Ordinal), killed)
    {
        _vars.TryAdd("HOSTNAME", process.Hostname);
        _vars.TryAdd("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        _vars.TryAdd("HOME", "/root");
    }

    private ShellRunner(ContainerProcess process, UnknownCommandBehavior unknown, bool foreground, Dictionary<string, string> vars, CancellationToken killed)
    {
        _process = process;
        _unknown = unknown;
        _killed = killed;
        _foreground = foreground;
        _vars = vars;
        _files = process.Files;
    }

    /// <summary>Runs a command line (<c>sh -c '...'</c>, <c>sleep 300</c>, ...) and returns its exit code.</summary>
    public async Task<int> RunArgvAsync(IReadOnlyList<string> argv)
    {
        int code;
        try
        {
            code = await DispatchAsync(argv, ShellIo.Default).ConfigureAwait(false);
        }
        catch (ShellExitException exit) when (exit.BySignal)
        {
            return exit.Code;
        }
        catch (ShellExitException exit)
        {
            code = exit.Code;
        }

        return await RunExitTrapAsync(code).ConfigureAwait(false);
    }

    private ShellRunner Child() =>
        new(_process, _unknown, foreground: false, new Dictionary<string, string>(_vars, StringComparer.Ordinal), _killed)
        {
            _positional = _positional,
            _arg0 = _arg0,
            _status = _status,
            _files = _files,
        };

    private async Task<int> DispatchAsync(IReadOnlyList<string> argv, ShellIo io)
    {
        if (argv.Count == 0)
        {
            return 0;
        }

        var name = Path.GetFileName(argv[0]);
        if (name == "busybox" && argv.Count > 1)
        {
            return await DispatchAsync(argv.Skip(1).ToList(), io).ConfigureAwait(false);
        }

        if (!IsShell(name))
        {
            if (_process.IsExec && _unknown == UnknownCommandBehavior.NotFound && !KnownCommands.Contains(name))
            {
                // What Docker answers for an exec of a missing binary: the runtime's error on stdout, exit code 126.
                Write(io.Out, $"OCI runtime exec failed: exec failed: unable to start container process: exec: \"{argv[0]}\": executable file not found in $PATH: unknown"
                    + " (the in-memory engine does not emulate it: script it with engine.Exec.Script)\n");
                return 126;
            }

            await RunCommandAsync(argv, io).ConfigureAwait(false);
            return _status;
        }

        var i = 1;
        var hasScript = false;
        while (i < argv.Count && argv[i].Length > 1 && argv[i][0] == '-')
        {
            if (argv[i] == "--")
            {
                i++;
                break;
            }

            hasScript |= argv[i].Contains('c', StringComparison.Ordinal);
            i++;
        }

        if (hasScript)
        {
            if (i >= argv.Count)
            {
                Write(io.Err, $"{name}: -c requires an argument\n");
                return 2;
            }

            _arg0 = i + 1 < argv.Count ? argv[i + 1] : name;
            _positional = argv.Skip(i + 2).ToList();
            return await RunScriptAsync(argv[i], io).ConfigureAwait(false);
        }

        if (i < argv.Count)
        {
            Write(io.Err, $"{name}: can't open '{argv[i]}': No such file or directory\n");
            return 2;
        }

        // An interactive shell reads stdin: it waits only when stdin is kept open.
        if (!_process.IsExec && _process.Spec.OpenStdin)
        {
            await WaitForegroundAsync(Forever(), interruptOnTrap: false).ConfigureAwait(false);
        }

        return 0;
    }

    internal static bool IsShell(string name) => name is "sh" or "ash" or "bash" or "dash";

    private async Task<int> RunScriptAsync(string script, ShellIo io)
    {
        ShellList list;
        try
        {
            list = ShellParser.Parse(script);
        }
        catch (ShellSyntaxException e)
        {
            Write(io.Err, $"sh: syntax error: {e.Message}\n");
            return 2;
        }

        await ExecListAsync(list, io).ConfigureAwait(false);
        return _status;
    }

    private async Task<int> RunExitTrapAsync(int code)
    {
        if (!_foreground || !_traps.Remove("EXIT", out var action) || action.Length == 0)
        {
            return code;
        }

        _status = code;
        try
        {
            await RunScriptAsync(action, ShellIo.Default).ConfigureAwait(false);
        }
        catch (ShellExitException exit)
        {
            return exit.Code;
        }

        return code;
    }

    private async Task ExecListAsync(ShellList list, ShellIo io)
    {
        foreach (var item in list.Items)
        {
            if (item.Background)
            {
                StartJob(item.Command, io);
            }
            else
            {
                await ExecAndOrAsync(item.Command, io).ConfigureAwait(false);
            }

            await RunPendingTrapsAsync(io).ConfigureAwait(false);
        }
    }

    private async Task ExecAndOrAsync(AndOrList list, ShellIo io)
    {
        await ExecPipelineAsync(list.Pipelines[0], io).ConfigureAwait(false);
        for (var i = 0; i < list.Operators.Count; i++)
        {
            var run = list.Operators[i] == "&&" ? _status == 0 : _status != 0;
            if (run)
            {
                await RunPendingTrapsAsync(io).ConfigureAwait(false);
                await ExecPipelineAsync(list.Pipelines[i + 1], io).ConfigureAwait(false);
            }
        }
    }

    private async Task ExecPipelineAsync(ShellPipeline pipeline, ShellIo io)
    {
        await ExecCommandAsync(pipeline.Command, io).ConfigureAwait(false);
        if (pipeline.Negated)
        {
            _status = _status == 0 ? 1 : 0;
        }
    }

    private async Task ExecCommandAsync(ShellCommand command, ShellIo io)
    {
        _killed.ThrowIfCancellationRequested();
        switch (command)
        {
            case SimpleCommand simple:
                await ExecSimpleAsync(simple, io).ConfigureAwait(false);
                break;
            case IfCommand branches:
                foreach (var (condition, body) in branches.Branches)
                {
                    await ExecListAsync(condition, io).ConfigureAwait(false);
                    if (_status == 0)
                    {
                        await ExecListAsync(body, io).ConfigureAwait(false);
                        return;
                    }
                }

                _status = 0;
                if (branches.Else is { } otherwise)
                {
                    await ExecListAsync(otherwise, io).ConfigureAwait(false);
                }

                break;
            case LoopCommand loop:
                var last = 0;
                while (true)
                {
                    await ExecListAsync(loop.Condition, io).ConfigureAwait(false);
                    if ((_status == 0) == loop.Until)
                    {
                        break;
                    }

                    await ExecListAsync(loop.Body, io).ConfigureAwait(false);
                    last = _status;
                    await YieldInBusyLoopAsync().ConfigureAwait(false);
                }

                _status = last;
                break;
            case ForCommand forLoop:
                _status = 0;
                foreach (var value in forLoop.Items.SelectMany(Expand).ToList())
                {
                    _vars[forLoop.Variable] = value;
                    await ExecListAsync(forLoop.Body, io).ConfigureAwait(false);
                    await YieldInBusyLoopAsync().ConfigureAwait(false);
                }

                break;
            case GroupCommand group:
                await ExecListAsync(group.Body, io).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>A loop that never waits (<c>while true; do :; done</c>) must not hold the engine's thread forever.</summary>
    private async Task YieldInBusyLoopAsync()
    {
        _killed.ThrowIfCancellationRequested();
        if (++_iterationsWithoutWait >= LoopIterationsBeforeYield)
        {
            _iterationsWithoutWait = 0;
            await Task.Yield();
        }
    }

    private async Task ExecSimpleAsync(SimpleCommand command, ShellIo io)
    {
        foreach (var assignment in command.Assignments)
        {
            var text = ExpandSingle(assignment);
            var eq = text.IndexOf('=', StringComparison.Ordinal);
            _vars[text[..eq]] = text[(eq + 1)..];
        }

        if (ApplyRedirects(command.Redirects, io) is not { } redirected)
        {
            _status = 1;
            return;
        }

        var argv = command.Words.SelectMany(Expand).ToList();
        if (argv.Count == 0)
        {
            _status = 0;
            return;
        }

        await RunCommandAsync(argv, redirected).ConfigureAwait(false);
    }
}
