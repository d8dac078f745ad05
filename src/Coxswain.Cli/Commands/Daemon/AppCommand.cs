using System.CommandLine;
using System.Text.Json;

namespace Coxswain.Cli.Commands.Daemon;

/// <summary><c>cox app install|start|stop|restart|upgrade|remove|status|logs|health|list</c>: the app lifecycle, carried out by the running daemon.</summary>
internal static class AppCommand
{
    public static Command Create(CliContext context)
    {
        var socket = DaemonCall.SocketOption(context);
        var app = new Command("app", "Install, start, stop, upgrade and remove apps from the daemon's catalog (<catalog>/<id>/compose.yaml); the daemon keeps them healthy.")
        {
            socket,
        };
        app.Subcommands.Add(Verb(context, socket, "install", "app.install", "Pull (retrying), create, start and wait until every service is healthy; roll back everything on failure."));
        app.Subcommands.Add(Verb(context, socket, "start", "app.start", "Start an installed app (clears an earlier stop)."));
        app.Subcommands.Add(Verb(context, socket, "stop", "app.stop", "Stop an app gracefully; the daemon will not restart it until started again."));
        app.Subcommands.Add(Verb(context, socket, "restart", "app.restart", "Restart an app in dependency order."));
        app.Subcommands.Add(Verb(context, socket, "upgrade", "app.upgrade", "Bring the app to its catalog version; roll back to the previous images when it does not come up healthy."));
        app.Subcommands.Add(Verb(context, socket, "status", "app.status", "Show an app's containers and what the supervisor is doing with each service."));
        app.Subcommands.Add(Verb(context, socket, "health", "app.health", "Show each container's probe results."));
        app.Subcommands.Add(Remove(context, socket));
        app.Subcommands.Add(Logs(context, socket));
        var list = new Command("list", "List the catalog's apps and what is installed.");
        list.SetAction((parse, ct) => DaemonCall.RunAsync(context, parse.GetValue(socket), "app.list", null, r => DaemonCall.WriteJsonAsync(context, r), ct));
        app.Subcommands.Add(list);
        return app;
    }

    private static Command Verb(CliContext context, Option<string?> socket, string name, string method, string description)
    {
        var id = new Argument<string>("id") { Description = "The app id (its folder in the catalog)" };
        var command = new Command(name, description) { id };
        command.SetAction((parse, ct) => DaemonCall.RunAsync(
            context, parse.GetValue(socket), method, new { id = parse.GetValue(id) }, r => DaemonCall.WriteJsonAsync(context, r), ct));
        return command;
    }

    private static Command Remove(CliContext context, Option<string?> socket)
    {
        var id = new Argument<string>("id") { Description = "The app id" };
        var preserve = new Option<bool>("--preserve-data") { Description = "Keep the app's volumes" };
        var command = new Command("remove", "Stop gracefully and remove an app's containers, networks and (unless --preserve-data) volumes.") { id, preserve };
        command.SetAction((parse, ct) => DaemonCall.RunAsync(
            context, parse.GetValue(socket), "app.remove", new { id = parse.GetValue(id), preserveData = parse.GetValue(preserve) }, r => DaemonCall.WriteJsonAsync(context, r), ct));
        return command;
    }

    private static Command Logs(CliContext context, Option<string?> socket)
    {
        var id = new Argument<string>("id") { Description = "The app id" };
        var lines = new Option<int?>("--lines", "-n") { Description = "Last lines per container (default 100)" };
        var command = new Command("logs", "Print the last log lines of each of the app's containers.") { id, lines };
        command.SetAction((parse, ct) => DaemonCall.RunAsync(
            context, parse.GetValue(socket), "app.logs", new { id = parse.GetValue(id), lines = parse.GetValue(lines) ?? 100 }, r => WriteLogsAsync(context, r), ct));
        return command;
    }

    private static async Task WriteLogsAsync(CliContext context, JsonElement tails)
    {
        foreach (var tail in tails.EnumerateArray())
        {
            var container = tail.GetProperty("container").GetString();
            foreach (var line in tail.GetProperty("lines").EnumerateArray())
            {
                await context.Out.WriteLineAsync($"{container} | {line.GetString()}").ConfigureAwait(false);
            }
        }
    }
}
