using System.CommandLine;
using System.Text.Json;
using Coxswain.Daemon.Client;
using Coxswain.Daemon.Rpc;

namespace Coxswain.Cli.Commands.Daemon;

/// <summary>
/// What the commands that talk to a running daemon share: the <c>--socket</c> option, one JSON-RPC call, and its
/// failures as messages and exit codes (no daemon → <see cref="ExitCodes.EngineUnavailable"/>, a failed method → 1 with
/// the reason, what was rolled back and the log tails).
/// </summary>
internal static class DaemonCall
{
    private static readonly JsonSerializerOptions Indented = new(JsonRpcDispatcher.Json) { WriteIndented = true };

    private static readonly (string Field, string Title)[] Details = [("reasons", "reason"), ("rolledBack", "rolled back"), ("left", "left behind")];

    public static Option<string?> SocketOption(CliContext context) => new("--socket")
    {
        Description = "The daemon's socket. Default: " + context.DaemonPaths.SocketPath() + " (COX_DAEMON_SOCKET)",
        HelpName = "path",
    };

    /// <summary>Calls <paramref name="method"/> and hands the result to <paramref name="show"/>; returns the exit code.</summary>
    public static async Task<int> RunAsync(
        CliContext context, string? socket, string method, object? parameters, Func<JsonElement, Task> show, CancellationToken ct)
    {
        var path = socket ?? context.DaemonPaths.SocketPath();
        using var client = new DaemonClient(path);
        try
        {
            await show(await client.CallAsync(method, parameters, ct).ConfigureAwait(false)).ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        catch (DaemonUnavailableException e)
        {
            await context.Error.WriteLineAsync("cox: " + e.Message).ConfigureAwait(false);
            return ExitCodes.EngineUnavailable;
        }
        catch (RpcException e)
        {
            await context.Error.WriteLineAsync($"cox: {method} failed: {e.Message}").ConfigureAwait(false);
            if (e.ErrorData is JsonElement data)
            {
                await WriteDetailsAsync(context, data).ConfigureAwait(false);
            }

            return e.Code is RpcErrorCodes.InvalidParams or RpcErrorCodes.MethodNotFound ? ExitCodes.Usage : ExitCodes.Failure;
        }
    }

    /// <summary>Writes a result as indented JSON.</summary>
    public static Task WriteJsonAsync(CliContext context, JsonElement result) =>
        context.Out.WriteLineAsync(JsonSerializer.Serialize(result, Indented));

    private static async Task WriteDetailsAsync(CliContext context, JsonElement data)
    {
        foreach (var (field, title) in Details)
        {
            if (data.TryGetProperty(field, out var items) && items.ValueKind == JsonValueKind.Array && items.GetArrayLength() > 0)
            {
                await context.Error.WriteLineAsync($"  {title}: {string.Join(", ", items.EnumerateArray().Select(i => i.GetString()))}").ConfigureAwait(false);
            }
        }

        if (data.TryGetProperty("logTails", out var tails) && tails.ValueKind == JsonValueKind.Array)
        {
            foreach (var tail in tails.EnumerateArray())
            {
                await context.Error.WriteLineAsync($"  last log lines of {tail.GetProperty("container").GetString()}:").ConfigureAwait(false);
                foreach (var line in tail.GetProperty("lines").EnumerateArray())
                {
                    await context.Error.WriteLineAsync("    | " + line.GetString()).ConfigureAwait(false);
                }
            }
        }
    }
}
