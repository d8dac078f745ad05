using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Coxswain.Engine.Docker;

namespace Coxswain.Engine;

public sealed partial class DockerEngineClient
{
    /// <summary>Whether each exec created by this client (and not started yet) has a TTY, which decides how its output is framed.</summary>
    private readonly ConcurrentDictionary<string, bool> execTty = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task<string> CreateExecAsync(string containerIdOrName, ExecSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var body = new ExecCreateBody
        {
            Cmd = spec.Command.ToList(),
            Tty = spec.Tty,
            Env = spec.Environment is { Count: > 0 } env ? env.Select(e => $"{e.Key}={e.Value}").ToList() : null,
            User = spec.User,
            WorkingDir = spec.WorkingDirectory,
        };
        var operation = new EngineOperation($"exec '{string.Join(' ', spec.Command)}' in container {containerIdOrName}", "container", containerIdOrName);
        var created = await RequestJsonAsync(HttpMethod.Post, $"/containers/{Escape(containerIdOrName)}/exec", Json(body, EngineJsonContext.Default.ExecCreateBody), EngineJsonContext.Default.IdResponseDto, operation, cancellationToken).ConfigureAwait(false);
        var id = created.Id ?? throw new EngineException($"{operation.Description} failed: the engine answered without an exec id");
        if (execTty.Count > 4096)
        {
            // Execs created but never started: forget them rather than grow without bound.
            execTty.Clear();
        }

        execTty[id] = spec.Tty;
        return id;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<LogLine> StartExecAsync(string execId, CancellationToken cancellationToken = default)
    {
        var operation = EngineOperation.On("start", "exec", execId);
        return GuardStream(ReadExecAsync(execId, operation, cancellationToken), operation, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ExecInfo> InspectExecAsync(string execId, CancellationToken cancellationToken = default)
    {
        var dto = await RequestJsonAsync(HttpMethod.Get, $"/exec/{Escape(execId)}/json", null, EngineJsonContext.Default.ExecInspectDto, EngineOperation.On("inspect", "exec", execId), cancellationToken).ConfigureAwait(false);
        return new ExecInfo(dto.ID ?? execId, dto.Running, dto.Running ? null : dto.ExitCode);
    }

    private async IAsyncEnumerable<LogLine> ReadExecAsync(string execId, EngineOperation operation, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!execTty.TryRemove(execId, out var tty))
        {
            var info = await RequestJsonAsync(HttpMethod.Get, $"/exec/{Escape(execId)}/json", null, EngineJsonContext.Default.ExecInspectDto, EngineOperation.On("inspect", "exec", execId), cancellationToken).ConfigureAwait(false);
            tty = info.ProcessConfig?.Tty ?? false;
        }

        var body = Json(new ExecStartBody { Detach = false, Tty = tty }, EngineJsonContext.Default.ExecStartBody);
        using var response = await OpenStreamAsync(HttpMethod.Post, $"/exec/{Escape(execId)}/start", body, operation, cancellationToken).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await foreach (var line in LogStreamReader.ReadAsync(stream, tty ? LogFraming.Raw : LogFraming.Multiplexed, timestamps: false, cancellationToken).ConfigureAwait(false))
            {
                yield return line;
            }
        }
    }
}
