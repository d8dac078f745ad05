using System.CommandLine;
using System.Globalization;
using System.Text;
using Coxswain.Cli.Engines;
using Coxswain.Cli.Output;
using Coxswain.Compose;
using Coxswain.Stacks;
using Spectre.Console;

namespace Coxswain.Cli.Commands.Stack;

internal static class PsCommand
{
    public static Command Create(CliContext context, GlobalOptions global, ProjectOptions project)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON array: service, name, id, slot, state, status, exitCode, ports, uptimeSeconds, image, configHash" };
        var services = new Argument<string[]>("services") { Description = "Only these services", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command(
            "ps",
            "List the project's containers (found by label) with their state: created, running, healthy, starting, unhealthy, stopped, "
            + "killed (OOM), killed, crashed (exit N); ports and uptime. Health comes from one run of each service's probe now; a supervising daemon's state "
            + "(restarting in N s, failed after n restarts, stopped by user) is shown when one answers.")
        {
            json, services,
        };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(
            context,
            parse.GetValue(json),
            async ct =>
            {
                var early = EarlyEngine.Start(context.Engines, parse.GetValue(global.Host), ct);
                await using var disposeEarly = early.ConfigureAwait(false);
                var loaded = await StackLoader.LoadAsync(context, project.ToLoadOptions(parse), printWarnings: false).ConfigureAwait(false);
                if (loaded is null)
                {
                    return ExitCodes.Failure;
                }

                var discovered = await early.TakeAsync().ConfigureAwait(false);

                await using var disposeEngine = discovered.ConfigureAwait(false);
                var observed = await StackObserver.ObserveAsync(discovered.Client, loaded.Name, null, ct).ConfigureAwait(false);
                var only = parse.GetValue(services) ?? [];
                var facts = await PsFacts.GatherAsync(context, discovered.Client, loaded, observed, ct).ConfigureAwait(false);
                var rows = Rows(loaded, observed, context.Time.GetUtcNow(), facts)
                    .Where(r => only.Length == 0 || only.Contains(r.Service, StringComparer.Ordinal)).ToList();
                if (parse.GetValue(json))
                {
                    StackJson.Write(context.Out, rows);
                }
                else
                {
                    Terminal.ForOut(context).Markup(Table(rows));
                }

                return ExitCodes.Ok;
            },
            cancellationToken));
        return command;
    }

    public static List<PsRow> Rows(ComposeProject project, ObservedStack observed, DateTimeOffset now, PsFacts facts)
    {
        var order = project.Services.Select(s => s.Name).ToList();
        return observed.Containers
            .OrderBy(c => order.IndexOf(c.Service) is var i && i < 0 ? int.MaxValue : i)
            .ThenBy(c => c.Slot)
            .Select(c =>
            {
                var health = ContainerDisplayState.FromEngine(c.State.Health) ?? (facts.Health.TryGetValue(c.Id, out var probed) ? probed : null);
                var display = facts.Supervision.TryGetValue(c.Service, out var supervised)
                    ? new StateDisplay(supervised, supervised.StartsWith("failed", StringComparison.Ordinal) ? StateColor.Red : StateColor.Yellow)
                    : ContainerDisplayState.Derive(c.State, health, facts.StopsAsked.Contains(c.Id));
                long? uptime = c.Running && c.State.StartedAt is { } at ? (long)Math.Max(0, (now - at).TotalSeconds) : null;
                return new PsRow(
                    c.Service,
                    c.Name,
                    c.Id,
                    c.Slot,
                    display.Text,
                    display.Color.ToString().ToLowerInvariant(),
                    c.State.Status.ToString().ToLowerInvariant(),
                    c.Running ? null : c.State.ExitCode,
                    c.Ports.DistinctBy(p => (p.ContainerPort, p.HostPort, p.Protocol)).Select(p => new PsPort(p.ContainerPort, p.HostPort, p.Protocol, p.HostIp)).ToList(),
                    uptime,
                    c.Image,
                    c.ConfigHash);
            })
            .ToList();
    }

    private static string Table(List<PsRow> rows)
    {
        string[] header = ["SERVICE", "CONTAINER", "STATE", "PORTS", "UPTIME"];
        var cells = rows.Select(r => new[] { r.Service, r.Name, r.State, string.Join(", ", r.Ports), r.UptimeSeconds is { } s ? Uptime(s) : "" }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(c => c[i].Length))).ToArray();
        var text = new StringBuilder();
        text.Append(Markup.Escape(Line(header, widths))).Append('\n');
        for (var i = 0; i < rows.Count; i++)
        {
            var line = Markup.Escape(Line(cells[i], widths));
            var state = Markup.Escape(cells[i][2]);
            var start = Markup.Escape(cells[i][0].PadRight(widths[0]) + "  " + cells[i][1].PadRight(widths[1]) + "  ").Length;
            text.Append(line[..start]).Append(CultureInfo.InvariantCulture, $"[{rows[i].Color switch { "green" => "green", "yellow" => "yellow", "red" => "red", _ => "grey" }}]{state}[/]").Append(line[(start + state.Length)..]).Append('\n');
        }

        if (rows.Count == 0)
        {
            text.Append("(no containers)\n");
        }

        return text.ToString();
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd();

    private static string Uptime(long seconds) => seconds switch
    {
        < 60 => $"{seconds}s",
        < 3600 => $"{seconds / 60}m",
        < 86400 => $"{seconds / 3600}h",
        _ => $"{seconds / 86400}d",
    };
}
