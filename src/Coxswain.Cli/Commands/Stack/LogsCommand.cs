using System.CommandLine;
using System.Globalization;
using Coxswain.Cli.Engines;
using Coxswain.Compose;

namespace Coxswain.Cli.Commands.Stack;

internal static class LogsCommand
{
    public static Command Create(CliContext context, GlobalOptions global, ProjectOptions project)
    {
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing new lines until Ctrl+C" };
        var tail = new Option<int?>("--tail", "-n") { Description = "Only the last N lines of each container", HelpName = "n" };
        var since = new Option<string?>("--since") { Description = "Only lines since a duration ago (10m, 1h30m) or a timestamp (2024-05-01T10:00:00Z)", HelpName = "time" };
        var timestamps = new Option<bool>("--timestamps", "-t") { Description = "Show each line's timestamp" };
        var services = new Argument<string[]>("services") { Description = "Only these services; default: all", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("logs", "Print the logs of the project's containers, interleaved in time order, each line prefixed with its container (in its own colour on a terminal, unless NO_COLOR is set).")
        {
            follow, tail, since, timestamps, services,
        };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(
            context,
            json: false,
            async ct =>
            {
                var early = EarlyEngine.Start(context.Engines, parse.GetValue(global.Host), ct);
                await using var disposeEarly = early.ConfigureAwait(false);
                var loaded = await StackLoader.LoadAsync(context, project.ToLoadOptions(parse), printWarnings: false).ConfigureAwait(false);
                if (loaded is null)
                {
                    return ExitCodes.Failure;
                }

                DateTimeOffset? from = null;
                if (parse.GetValue(since) is { } text)
                {
                    if (ComposeDuration.TryParse(text, out var ago, out _))
                    {
                        from = context.Time.GetUtcNow() - ago;
                    }
                    else if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                    {
                        from = at;
                    }
                    else
                    {
                        await context.Error.WriteLineAsync($"cox: --since \"{text}\" is neither a duration (10m) nor a timestamp (2024-05-01T10:00:00Z)").ConfigureAwait(false);
                        return ExitCodes.Usage;
                    }
                }

                var discovered = await early.TakeAsync().ConfigureAwait(false);

                await using var disposeEngine = discovered.ConfigureAwait(false);
                var request = new LogsRequest(parse.GetValue(services) ?? [], parse.GetValue(follow), parse.GetValue(tail), from, parse.GetValue(timestamps));
                return await LogsAction.RunAsync(context, discovered.Client, loaded, request, ct).ConfigureAwait(false);
            },
            cancellationToken));
        return command;
    }
}
