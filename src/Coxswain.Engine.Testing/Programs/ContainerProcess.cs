using System.Text;
using System.Threading.Channels;

namespace Coxswain.Engine.Testing;

/// <summary>
/// The world a <see cref="IContainerProgram"/> runs in: its arguments, environment and container, the clock, the signals
/// sent to it, and its stdout/stderr (which become the container's log, or the exec's output).
/// </summary>
public sealed class ContainerProcess
{
    private readonly Action<LogStream, string> _sink;
    private readonly Channel<string> _signals;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Lock _gate = new();

    internal ContainerProcess(ContainerProcessStart start, Action<LogStream, string> sink)
    {
        ContainerId = start.ContainerId;
        ContainerName = start.ContainerName;
        Spec = start.Spec;
        Arguments = start.Arguments;
        Environment = start.Environment;
        Hostname = start.Hostname;
        TimeProvider = start.TimeProvider;
        Killed = start.Killed;
        IsExec = start.IsExec;
        Files = start.Files;
        _sink = sink;
        _signals = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    }

    /// <summary>Full id of the container.</summary>
    public string ContainerId { get; }

    /// <summary>Name of the container.</summary>
    public string ContainerName { get; }

    /// <summary>The container's spec as created.</summary>
    public ContainerSpec Spec { get; }

    /// <summary>The command line: entrypoint followed by command (or the exec's command).</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>The environment (image defaults, the container's own, HOSTNAME; plus the exec's for an exec).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>The container's hostname (its short id unless the spec sets one).</summary>
    public string Hostname { get; }

    /// <summary>The engine's clock: wait on it (<c>Task.Delay(d, process.TimeProvider, ct)</c>) so tests control time.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Cancelled when the process is killed (SIGKILL, OOM, removal, or its container stopping for an exec).</summary>
    public CancellationToken Killed { get; }

    /// <summary>The container's files: its own layer, volumes, tmpfs and bind mounts.</summary>
    public ContainerFileSystem Files { get; }

    /// <summary>True for an exec, false for a container's main process.</summary>
    public bool IsExec { get; }

    /// <summary>True when the process is the container's PID 1 (no <see cref="ContainerSpec.Init"/>): signals without a
    /// handler do nothing to it. With an init process, TERM, INT, HUP and the like end a process that does not handle them.</summary>
    public bool IsPid1 => !IsExec && Spec.Init != true;

    /// <summary>Signals sent to the process other than SIGKILL, normalised to "SIGTERM", "SIGINT", "SIGHUP", ...</summary>
    public ChannelReader<string> Signals => _signals.Reader;

    /// <summary>Writes text to a stream; it becomes log lines at each '\n' (a last partial line is kept until the process ends).</summary>
    public void Write(LogStream stream, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<string>? lines = null;
        lock (_gate)
        {
            var buffer = stream == LogStream.Stderr ? _stderr : _stdout;
            foreach (var ch in text)
            {
                if (ch == '\n')
                {
                    (lines ??= []).Add(buffer.ToString());
                    buffer.Clear();
                }
                else
                {
                    buffer.Append(ch);
                }
            }
        }

        if (lines is null)
        {
            return;
        }

        foreach (var line in lines)
        {
            _sink(stream, line);
        }
    }

    /// <summary>Writes one line to stdout.</summary>
    public void WriteLine(string line) => Write(LogStream.Stdout, line + "\n");

    /// <summary>Writes one line to stderr.</summary>
    public void WriteErrorLine(string line) => Write(LogStream.Stderr, line + "\n");

    /// <summary>Turns what is left in the partial-line buffers into lines (the process ended).</summary>
    internal void Flush()
    {
        string? stdout = null;
        string? stderr = null;
        lock (_gate)
        {
            if (_stdout.Length > 0)
            {
                stdout = _stdout.ToString();
                _stdout.Clear();
            }

            if (_stderr.Length > 0)
            {
                stderr = _stderr.ToString();
                _stderr.Clear();
            }
        }

        if (stdout is not null)
        {
            _sink(LogStream.Stdout, stdout);
        }

        if (stderr is not null)
        {
            _sink(LogStream.Stderr, stderr);
        }
    }

    internal void Deliver(string signal) => _signals.Writer.TryWrite(signal);
}
