using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace Coxswain.Cli.Commands.Daemon;

/// <summary><c>cox events</c>: the daemon's history of decisions and state changes; <c>cox inspect</c>: a service's crash dossiers.</summary>
internal static class EventsCommand
{
    public static Command Create(CliContext context)
    {
        var socket = DaemonCall.SocketOption(context);
        var limit = new Option<int?>("--limit", "-n") { Description = "How many of the latest events (default 100)" };
        var project = new Option<string?>("--project", "-p") { Description = "Only this stack or app" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("events", "Print the daemon's history: restarts with their reasons and backoff, give-ups, user stops, adoptions.") { socket, limit, project, json };
        command.SetAction((parse, ct) => DaemonCall.RunAsync(
            context, parse.GetValue(socket), "events.list", new { limit = parse.GetValue(limit) ?? 100, project = parse.GetValue(project) },
            r => parse.GetValue(json) ? DaemonCall.WriteJsonAsync(context, r) : WriteAsync(context, r), ct));
        return command;
    }

    public static Command CreateInspect(CliContext context)
    {
        var socket = DaemonCall.SocketOption(context);
        var service = new Argument<string>("service") { Description = "The service" };
        var project = new Option<string>("--project", "-p") { Description = "Its stack or app", Required = true };
        var command = new Command("inspect", "Show a supervised service's crash dossiers: exit code, OOM flag, last probe outputs, log tail, decision trace.") { socket, service, project };
        command.SetAction((parse, ct) => DaemonCall.RunAsync(
            context, parse.GetValue(socket), "service.inspect", new { project = parse.GetValue(project), service = parse.GetValue(service) }, r => DaemonCall.WriteJsonAsync(context, r), ct));
        return command;
    }

    private static async Task WriteAsync(CliContext context, JsonElement events)
    {
        foreach (var e in events.EnumerateArray())
        {
            var time = e.GetProperty("time").GetDateTimeOffset().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            await context.Out.WriteLineAsync($"{time}  {e.GetProperty("message").GetString()}").ConfigureAwait(false);
        }
    }
}
