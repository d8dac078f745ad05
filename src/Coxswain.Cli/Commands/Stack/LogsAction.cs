using Coxswain.Compose;
using Coxswain.Engine;
using Coxswain.Stacks;

namespace Coxswain.Cli.Commands.Stack;

/// <summary>Reads the logs of a project's containers: without -f, all lines sorted by time; with -f, lines as they come.</summary>
internal static class LogsAction
{
    public static async Task<int> RunAsync(CliContext context, IEngineClient engine, ComposeProject project, LogsRequest request, CancellationToken ct)
    {
        var observed = await StackObserver.ObserveAsync(engine, project.Name, null, ct).ConfigureAwait(false);
        var containers = observed.Containers
            .Where(c => request.Services.Count == 0 || request.Services.Contains(c.Service, StringComparer.Ordinal))
            .Select(c => c.Name).ToList();
        if (containers.Count == 0)
        {
            await context.Error.WriteLineAsync($"cox: project {project.Name} has no containers{(request.Services.Count == 0 ? "" : " for " + string.Join(", ", request.Services))}; start them with `cox up`").ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        var prefixes = new LogPrefixes(containers, Output.Terminal.UseColor(context, context.OutputIsTerminal));
        var options = new LogOptions { Follow = request.Follow, Tail = request.Tail, Since = request.Since, Timestamps = true };
        if (!request.Follow)
        {
            var lines = new List<(DateTimeOffset At, int Order, string Text)>();
            foreach (var container in containers)
            {
                await foreach (var line in engine.GetLogsAsync(container, options, ct).ConfigureAwait(false))
                {
                    lines.Add((line.Timestamp ?? DateTimeOffset.MinValue, lines.Count, prefixes.Format(container, line, request.Timestamps)));
                }
            }

            foreach (var line in lines.OrderBy(l => l.At).ThenBy(l => l.Order))
            {
                await context.Out.WriteLineAsync(line.Text).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        }

        var gate = new SemaphoreSlim(1, 1);
        using (gate)
        {
            await Task.WhenAll(containers.Select(async container =>
            {
                await foreach (var line in engine.GetLogsAsync(container, options, ct).ConfigureAwait(false))
                {
                    await gate.WaitAsync(ct).ConfigureAwait(false);
                    try
                    {
                        await context.Out.WriteLineAsync(prefixes.Format(container, line, request.Timestamps)).ConfigureAwait(false);
                    }
                    finally
                    {
                        gate.Release();
                    }
                }
            })).ConfigureAwait(false);
        }

        return ExitCodes.Ok;
    }

    /// <summary>After <c>up</c> without -d: follows new log lines of the project until Ctrl+C; the containers keep running.</summary>
    public static async Task<int> FollowProjectAsync(CliContext context, IEngineClient engine, ComposeProject project, CancellationToken ct)
    {
        await context.Error.WriteLineAsync("following the logs; Ctrl+C stops following (the containers keep running; `cox down` removes them)").ConfigureAwait(false);
        try
        {
            return await RunAsync(context, engine, project, new LogsRequest([], Follow: true, Tail: 0, null, false), ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return ExitCodes.Ok;
        }
    }
}
