using System.Globalization;

namespace Coxswain.Engine.Testing;

/// <summary>The commands the in-memory shell emulates.</summary>
internal sealed partial class ShellRunner
{
    private static readonly TimeSpan LongestTimerWait = TimeSpan.FromDays(30);

    /// <summary>Commands the shell knows (anything else follows <see cref="UnknownCommandBehavior"/>).</summary>
    internal static readonly IReadOnlySet<string> KnownCommands = new HashSet<string>(StringComparer.Ordinal)
    {
        "sh", "ash", "bash", "dash", "busybox", "echo", "printf", "true", "false", ":", "exit", "sleep", "trap", "wait", "export",
        "readonly", "local", "unset", "set", "cd", "pwd", "hostname", "env", "printenv", "cat", "tail", "httpd", "nc", "test", "[",
        "exec", "date", "whoami", "rm", "mkdir", "touch",
    };

    private async Task RunCommandAsync(IReadOnlyList<string> argv, ShellIo io)
    {
        _killed.ThrowIfCancellationRequested();
        var name = argv[0].Contains('/', StringComparison.Ordinal) ? Path.GetFileName(argv[0]) : argv[0];
        var args = argv.Skip(1).ToList();
        switch (name)
        {
            case "cd":
                ChangeDirectory(args, io);
                break;
            case "true" or ":":
                _status = 0;
                break;
            case "false":
                _status = 1;
                break;
            case "echo":
                Echo(args, io);
                break;
            case "printf":
                Printf(args, io);
                break;
            case "exit":
                Exit(args, io);
                break;
            case "sleep":
                await SleepAsync(args, io).ConfigureAwait(false);
                break;
            case "trap":
                Trap(args, io);
                break;
            case "wait":
                await WaitAsync(args).ConfigureAwait(false);
                break;
            case "export" or "readonly" or "local":
                foreach (var arg in args.Where(a => a.Contains('=', StringComparison.Ordinal)))
                {
                    var eq = arg.IndexOf('=', StringComparison.Ordinal);
                    _vars[arg[..eq]] = arg[(eq + 1)..];
                }

                _status = 0;
                break;
            case "unset":
                args.ForEach(a => _vars.Remove(a));
                _status = 0;
                break;
            case "set":
                _status = 0;
                break;
            case "pwd":
                Write(io.Out, _files.WorkingDirectory + "\n");
                _status = 0;
                break;
            case "hostname":
                Write(io.Out, _process.Hostname + "\n");
                _status = 0;
                break;
            case "whoami":
                Write(io.Out, (string.IsNullOrEmpty(_process.Spec.User) ? "root" : _process.Spec.User.Split(':')[0]) + "\n");
                _status = 0;
                break;
            case "date":
                var now = _process.TimeProvider.GetUtcNow();
                Write(io.Out, now.ToString("ddd MMM ", CultureInfo.InvariantCulture) + now.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2)
                    + now.ToString(" HH:mm:ss 'UTC' yyyy", CultureInfo.InvariantCulture) + "\n");
                _status = 0;
                break;
            case "env" or "printenv":
                PrintEnvironment(name, args, io);
                break;
            case "cat":
                await CatAsync(name, args, io).ConfigureAwait(false);
                break;
            case "tail":
                if (args.Any(a => a is "--follow" || (a.StartsWith('-') && !a.StartsWith("--", StringComparison.Ordinal) && (a.Contains('f', StringComparison.Ordinal) || a.Contains('F', StringComparison.Ordinal)))))
                {
                    await RunUntilKilledAsync().ConfigureAwait(false);
                }
                else
                {
                    Tail(args, io);
                }

                break;
            case "rm":
                Remove(args, io);
                break;
            case "mkdir":
                MakeDirectories(args, io);
                break;
            case "touch":
                Touch(args, io);
                break;
            case "httpd":
                if (args.Any(a => a.StartsWith('-') && !a.StartsWith("--", StringComparison.Ordinal) && a.Contains('f', StringComparison.Ordinal)))
                {
                    await RunUntilKilledAsync().ConfigureAwait(false);
                }
                else
                {
                    _status = 0; // httpd without -f daemonizes and returns at once.
                }

                break;
            case "nc" when args.Any(a => a.StartsWith('-') && a.Contains('l', StringComparison.Ordinal)):
                await RunUntilKilledAsync().ConfigureAwait(false);
                break;
            case "test":
                _status = Test(args, io);
                break;
            case "[":
                if (args.Count == 0 || args[^1] != "]")
                {
                    Write(io.Err, "sh: [: missing ]\n");
                    _status = 2;
                }
                else
                {
                    _status = Test(args.Take(args.Count - 1).ToList(), io);
                }

                break;
            case "exec":
                if (args.Count > 0)
                {
                    await RunCommandAsync(args, io).ConfigureAwait(false);
                    throw new ShellExitException(_status);
                }

                _status = 0;
                break;
            case "busybox" when args.Count > 0:
                await RunCommandAsync(args, io).ConfigureAwait(false);
                break;
            case var shell when IsShell(shell):
                var child = Child();
                var childTask = child.RunArgvAsync(argv);
                await WaitForegroundAsync(childTask, interruptOnTrap: false).ConfigureAwait(false);
                _status = await childTask.ConfigureAwait(false);
                break;
            default:
                await UnknownAsync(name, argv, io).ConfigureAwait(false);
                break;
        }
    }

    private async Task UnknownAsync(string name, IReadOnlyList<string> argv, ShellIo io)
    {
        switch (_unknown)
        {
            case UnknownCommandBehavior.RunUntilKilled:
                await RunUntilKilledAsync().ConfigureAwait(false);
                break;
            case UnknownCommandBehavior.Succeed:
                _status = 0;
                break;
            default:
                Write(io.Err, $"sh: {name}: not found (the in-memory engine does not emulate '{string.Join(' ', argv)}'; script it with engine.Exec.Script or engine.Programs)\n");
                _status = 127;
                break;
        }
    }

    private async Task RunUntilKilledAsync()
    {
        await WaitForegroundAsync(Forever(), interruptOnTrap: false).ConfigureAwait(false);
        _status = 0;
    }
}
