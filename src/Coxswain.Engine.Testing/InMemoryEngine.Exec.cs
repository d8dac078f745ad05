using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Coxswain.Engine.Testing;

/// <summary>Exec: commands in running containers, run by scripts (<see cref="Exec"/>) or the shell.</summary>
public sealed partial class InMemoryEngine
{
    /// <inheritdoc />
    public Task<string> CreateExecAsync(string containerIdOrName, ExecSpec spec, CancellationToken cancellationToken = default) => Invoke(cancellationToken, () =>
    {
        ArgumentNullException.ThrowIfNull(spec);
        lock (_gate)
        {
            Enter(nameof(CreateExecAsync));
            var operation = $"create exec in container {containerIdOrName}";
            var c = FindContainer(containerIdOrName, operation);
            if (c.Status == ContainerStatus.Restarting && c.Run is null)
            {
                throw new EngineConflictException(operation, $"Container {c.Id} is restarting, wait until the container is running");
            }

            if (c.Run is null)
            {
                throw new EngineConflictException(operation, $"Container {c.Id} is not running");
            }

            if (spec.Command.Count == 0)
            {
                throw new EngineApiException(operation, HttpStatusCode.BadRequest, "No exec command specified");
            }

            var exec = new ExecRecord(NewHexId(), c, spec);
            _execs[exec.Id] = exec;
            PublishContainer(c, $"exec_create: {exec.CommandText}", ("execID", exec.Id));
            return exec.Id;
        }
    });

    /// <inheritdoc />
    public async IAsyncEnumerable<LogLine> StartExecAsync(string execId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var output = Channel.CreateUnbounded<LogLine>(new UnboundedChannelOptions { SingleReader = true });
        ExecRecord exec;
        ExecRequest request;
        ContainerProcess process;
        CancellationToken connection;
        lock (_gate)
        {
            Enter(nameof(StartExecAsync));
            var operation = $"start exec {execId}";
            exec = _execs.GetValueOrDefault(execId)
                ?? throw new EngineNotFoundException(operation, "exec", execId, $"No such exec instance: {execId}");
            if (exec.Started)
            {
                throw new EngineConflictException(operation, exec.Running ? $"Error: Exec command {execId} is already running" : $"Error: Exec command {execId} has already run");
            }

            var c = exec.Container;
            if (c.Run is not { } run)
            {
                throw new EngineConflictException(operation, $"Container {c.Id} is not running");
            }

            exec.Started = true;
            exec.Running = true;
            PublishContainer(c, $"exec_start: {exec.CommandText}", ("execID", exec.Id));
            request = new ExecRequest(c.Id, c.Name, c.Spec.Image, c.Spec.Labels, exec.Spec.Command);
            var environment = new Dictionary<string, string>(run.Process.Environment, StringComparer.Ordinal);
            foreach (var (key, value) in exec.Spec.Environment ?? new Dictionary<string, string>())
            {
                environment[key] = value;
            }

            var spec = c.Spec with
            {
                Name = c.Name,
                WorkingDirectory = exec.Spec.WorkingDirectory ?? c.Spec.WorkingDirectory,
                User = exec.Spec.User ?? c.Spec.User,
                Tty = exec.Spec.Tty,
            };
            var tty = exec.Spec.Tty;
            var files = exec.Spec.WorkingDirectory is { Length: > 0 } directory ? run.Process.Files.WithWorkingDirectory(directory) : run.Process.Files;
            process = new ContainerProcess(
                new ContainerProcessStart(c.Id, c.Name, spec, exec.Spec.Command, environment, c.Hostname, _time, files, IsExec: true, run.Kill.Token),
                (stream, line) => output.Writer.TryWrite(new LogLine(tty ? LogStream.Stdout : stream, line)));
            connection = _connection.Token;
        }

        IContainerProgram program = Exec.Find(request) is { } script ? new ScriptedExecProgram(script, request) : ContainerPrograms.Shell;
        Task<int> task;
        try
        {
            task = program.RunAsync(process, process.Killed);
        }
        catch (Exception e)
        {
            task = Task.FromException<int>(e);
        }

        _ = CompleteExecAsync(exec, process, task, output.Writer);
        while (await WaitForOutputAsync(output.Reader, connection, cancellationToken).ConfigureAwait(false))
        {
            while (output.Reader.TryRead(out var line))
            {
                yield return line;
            }
        }
    }

    /// <inheritdoc />
    public Task<ExecInfo> InspectExecAsync(string execId, CancellationToken cancellationToken = default) => Invoke(cancellationToken, () =>
    {
        lock (_gate)
        {
            Enter(nameof(InspectExecAsync));
            var exec = _execs.GetValueOrDefault(execId)
                ?? throw new EngineNotFoundException($"inspect exec {execId}", "exec", execId, $"No such exec instance: {execId}");
            return new ExecInfo(exec.Id, exec.Running, exec.ExitCode);
        }
    });

    private async Task CompleteExecAsync(ExecRecord exec, ContainerProcess process, Task<int> task, ChannelWriter<LogLine> output)
    {
        int code;
        try
        {
            code = await task.ConfigureAwait(false);
        }
        catch (Exception) when (process.Killed.IsCancellationRequested)
        {
            code = 137;
        }
        catch (Exception e)
        {
            process.WriteErrorLine($"in-memory engine: exec '{exec.CommandText}' failed: {e.GetType().Name}: {e.Message}");
            code = 1;
        }

        process.Flush();
        lock (_gate)
        {
            exec.Running = false;
            exec.ExitCode = code & 0xFF;
            if (!exec.Container.Removed)
            {
                PublishContainer(exec.Container, "exec_die", ("execID", exec.Id), ("exitCode", exec.ExitCode.Value.ToString(CultureInfo.InvariantCulture)));
            }

            Changed();
        }

        output.TryComplete();
    }

    private async Task<bool> WaitForOutputAsync(ChannelReader<LogLine> reader, CancellationToken connection, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, connection);
        try
        {
            return await reader.WaitToReadAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            throw Unavailable();
        }
    }
}
