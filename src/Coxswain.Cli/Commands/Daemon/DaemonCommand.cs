using System.CommandLine;
using System.Net;
using Coxswain.Daemon;
using Microsoft.Extensions.Logging;

namespace Coxswain.Cli.Commands.Daemon;

/// <summary><c>cox daemon</c>: the long-running supervisor and app API, in the foreground with JSON log lines on stdout.</summary>
internal static class DaemonCommand
{
    public static Command Create(CliContext context, GlobalOptions global)
    {
        var paths = context.DaemonPaths;
        var dataDir = new Option<string?>("--data-dir") { Description = $"Where state lives (SQLite, app records). Default: {paths.DataDirectory} (COX_DATA_DIR)", HelpName = "dir" };
        var socket = new Option<string?>("--socket") { Description = "The API's unix socket, owner-only. Default: " + paths.SocketPath() + " (COX_DAEMON_SOCKET)", HelpName = "path" };
        var catalog = new Option<string?>("--catalog") { Description = "The app catalog: <catalog>/<id>/compose.yaml. Default: <data-dir>/catalog", HelpName = "dir" };
        var listen = new Option<string?>("--listen") { Description = "Also serve the API on TCP, e.g. 127.0.0.1:7878; needs --token-file", HelpName = "host:port" };
        var tokenFile = new Option<string?>("--token-file") { Description = "A file holding the bearer token TCP callers must send (or COX_DAEMON_TOKEN)", HelpName = "file" };
        var command = new Command(
            "daemon",
            "Run the supervisor in the foreground: heal supervised stacks and installed apps (crashes, OOM kills, unhealthy probes) with backoff "
            + "and budgets in dependency order, adopt containers by label after a restart, and serve JSON-RPC at POST /rpc/v1 and events at GET /events "
            + "on the unix socket. Logs are JSON lines on stdout. Ctrl+C stops it; containers keep running.")
        {
            dataDir, socket, catalog, listen, tokenFile,
        };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(context, json: false, async ct =>
        {
            var data = Path.GetFullPath(parse.GetValue(dataDir) ?? paths.DataDirectory);
            IPEndPoint? tcp = null;
            if (parse.GetValue(listen) is { } address && !IPEndPoint.TryParse(address, out tcp))
            {
                await context.Error.WriteLineAsync($"cox: --listen {address} is not host:port (e.g. 127.0.0.1:7878)").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var token = parse.GetValue(tokenFile) is { } file ? (await File.ReadAllTextAsync(file, ct).ConfigureAwait(false)).Trim() : context.GetVariable("COX_DAEMON_TOKEN");
            var discovered = await context.Engines.ConnectAsync(parse.GetValue(global.Host), null, ct).ConfigureAwait(false);
            await using var disposeEngine = discovered.ConfigureAwait(false);
            var options = new DaemonRunOptions
            {
                DataDirectory = data,
                SocketPath = Path.GetFullPath(parse.GetValue(socket) ?? paths.SocketPath(data)),
                CatalogDirectory = Path.GetFullPath(parse.GetValue(catalog) ?? DaemonPaths.CatalogDirectory(data)),
                TcpEndpoint = tcp,
                Token = token,
                TimeProvider = context.Time,
            };
            try
            {
                await CoxDaemon.RunAsync(discovered.Client, options, logging => logging
                    .AddJsonConsole(json => { json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ"; json.UseUtcTimestamp = true; })
                    .AddFilter("Microsoft.AspNetCore", LogLevel.Warning), ct).ConfigureAwait(false);
            }
            catch (InvalidOperationException e)
            {
                await context.Error.WriteLineAsync("cox: " + e.Message).ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
