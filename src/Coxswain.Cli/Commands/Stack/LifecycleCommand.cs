using System.CommandLine;
using Coxswain.Cli.Engines;
using Coxswain.Stacks;

namespace Coxswain.Cli.Commands.Stack;

/// <summary><c>cox start|stop|restart [services…]</c>: existing containers, in dependency order.</summary>
internal static class LifecycleCommand
{
    public static Command Create(CliContext context, GlobalOptions global, ProjectOptions project, LifecycleAction action)
    {
        var timeout = new Option<int?>("--timeout", "-t") { Description = "Seconds to wait for a stop before the kill (default: stop_grace_period, else 10)", HelpName = "seconds" };
        var services = new Argument<string[]>("services") { Description = "Only these services; default: all", Arity = ArgumentArity.ZeroOrMore };
        var description = action switch
        {
            LifecycleAction.Stop => "Stop the project's running containers, dependents first (each with its stop_signal and stop_grace_period). Nothing is removed.",
            LifecycleAction.Start => "Start the project's stopped containers, dependencies first. Nothing is created: use `cox up` for that.",
            _ => "Restart the project's containers, dependencies first.",
        };
        var command = new Command(action.ToString().ToLowerInvariant(), description) { services };
        if (action != LifecycleAction.Start)
        {
            command.Options.Add(timeout);
        }

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

                var names = parse.GetValue(services) ?? [];
                var unknown = names.FirstOrDefault(n => loaded.FindService(n) is null);
                if (unknown is not null)
                {
                    await context.Error.WriteLineAsync($"cox: no service \"{unknown}\" in project {loaded.Name}; services: {string.Join(", ", loaded.Services.Select(s => s.Name))}").ConfigureAwait(false);
                    return ExitCodes.Usage;
                }

                using var projectLock = await ProjectLock.AcquireAsync(context, loaded.Name, ct).ConfigureAwait(false);
                var discovered = await early.TakeAsync().ConfigureAwait(false);
                await using var disposeEngine = discovered.ConfigureAwait(false);
                var observed = await StackObserver.ObserveAsync(discovered.Client, loaded.Name, null, ct).ConfigureAwait(false);
                var seconds = parse.GetValue(timeout);
                var plan = LifecycleReconciler.Plan(loaded, observed, action, names, seconds is { } s ? TimeSpan.FromSeconds(s) : null);
                if (plan.IsEmpty)
                {
                    await context.Out.WriteAsync(plan.ToText()).ConfigureAwait(false);
                    return ExitCodes.Ok;
                }

                var result = await StackProgressDisplay.RunAsync(
                    context,
                    plan.Operations.Select(o => o.Service!).Distinct(StringComparer.Ordinal).ToList(),
                    progress => new StackExecutor(discovered.Client, loaded, new StackExecutorOptions { TimeProvider = context.Time, Progress = progress }).RunAsync(plan, ct)).ConfigureAwait(false);
                if (action == LifecycleAction.Stop)
                {
                    var stopped = plan.Operations.OfType<StopContainerOperation>().Select(o => o.Container).ToHashSet(StringComparer.Ordinal);
                    await new UserStops(context, loaded.Name).RecordAsync(observed.Containers.Where(c => stopped.Contains(c.Name)).Select(c => c.Id), ct).ConfigureAwait(false);
                }

                if (!result.Succeeded)
                {
                    await StackResultOutput.WriteFailureAsync(context, result).ConfigureAwait(false);
                    return ExitCodes.Failure;
                }

                return ExitCodes.Ok;
            },
            cancellationToken));
        return command;
    }
}
