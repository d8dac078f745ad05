using Coxswain.Cli.Engines;
using Coxswain.Cli.Output;
using Coxswain.Stacks;

namespace Coxswain.Cli.Commands.Stack;

/// <summary><c>cox up</c>: load → desired → observe + plan → (dry run: print) → run → report.</summary>
internal static class UpAction
{
    public static async Task<int> RunAsync(CliContext context, UpRequest request, CancellationToken ct)
    {
        var scale = ScaleParser.Parse(request.Scale, out var scaleError);
        if (scaleError is not null)
        {
            await context.Error.WriteLineAsync("cox: " + scaleError).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var early = EarlyEngine.Start(context.Engines, request.Host, ct);
        await using var disposeEarly = early.ConfigureAwait(false);
        var project = await StackLoader.LoadAsync(context, request.Load).ConfigureAwait(false);
        if (project is null)
        {
            return ExitCodes.Failure;
        }

        DesiredStack desired;
        try
        {
            var epoch = context.Time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            desired = DesiredStateBuilder.Build(project, new StackSelection { Services = request.Services, Scale = scale, Epoch = epoch });
        }
        catch (ArgumentException ex)
        {
            await context.Error.WriteLineAsync("cox: " + ex.Message.Split(" (Parameter", 2)[0]).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        using var projectLock = await ProjectLock.AcquireAsync(context, project.Name, ct).ConfigureAwait(false);
        var discovered = await early.TakeAsync().ConfigureAwait(false);

        await using var disposeEngine = discovered.ConfigureAwait(false);
        var engine = discovered.Client;
        var plan = await StackRunner.PlanUpAsync(engine, desired, new UpOptions { RemoveOrphans = request.RemoveOrphans, Wait = request.Wait }, ct).ConfigureAwait(false);
        if (request.DryRun || plan.IsEmpty)
        {
            await context.Out.WriteAsync(plan.ToText()).ConfigureAwait(false);
            if (request.DryRun || !plan.Operations.Any())
            {
                return request.DryRun || request.Detach ? ExitCodes.Ok : await LogsAction.FollowProjectAsync(context, engine, project, ct).ConfigureAwait(false);
            }
        }

        foreach (var warning in plan.IsEmpty ? [] : plan.Warnings)
        {
            await context.Error.WriteLineAsync("warning: " + warning).ConfigureAwait(false);
        }

        var started = context.Time.GetTimestamp();
        var options = new StackExecutorOptions
        {
            TimeProvider = context.Time,
            WaitTimeout = request.WaitTimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : StackExecutorOptions.DefaultWaitTimeout,
        };
        var result = await StackProgressDisplay.RunAsync(
            context,
            desired.Services.Select(s => s.Name).ToList(),
            progress => new StackExecutor(engine, project, options with { Progress = progress }).RunAsync(plan, ct)).ConfigureAwait(false);
        var elapsed = Durations.Format(context.Time.GetElapsedTime(started));
        if (!result.Succeeded)
        {
            await StackResultOutput.WriteFailureAsync(context, result).ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        await context.Out.WriteLineAsync($"up {project.Name}: {desired.Containers.Count} {(desired.Containers.Count == 1 ? "container" : "containers")} of {desired.Services.Count} {(desired.Services.Count == 1 ? "service" : "services")} up in {elapsed}").ConfigureAwait(false);
        return request.Detach ? ExitCodes.Ok : await LogsAction.FollowProjectAsync(context, engine, project, ct).ConfigureAwait(false);
    }
}
