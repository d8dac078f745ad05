using System.CommandLine;
using Coxswain.Cli.Engines;
using Coxswain.Cli.Output;
using Coxswain.Compose;
using Coxswain.Stacks;

namespace Coxswain.Cli.Commands.Stack;

internal static class DownCommand
{
    public static Command Create(CliContext context, GlobalOptions global, ProjectOptions project)
    {
        var volumes = new Option<bool>("--volumes", "-v") { Description = "Also remove the project's named volumes" };
        var timeout = new Option<int?>("--timeout", "-t") { Description = "Seconds to wait for each container to stop before it is killed (default: its stop_grace_period, else 10)", HelpName = "seconds" };
        var removeOrphans = new Option<bool>("--remove-orphans") { Description = "Also remove containers of services no longer in the Compose file" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the plan and change nothing" };
        var command = new Command(
            "down",
            "Stop and remove the project's containers (dependents first, each with its stop_signal and stop_grace_period), then its networks; "
            + "volumes only with -v. Without a Compose file, `cox down -p NAME` removes what is labelled with the project.")
        {
            volumes, timeout, removeOrphans, dryRun,
        };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(
            context,
            json: false,
            async ct =>
            {
                var early = EarlyEngine.Start(context.Engines, parse.GetValue(global.Host), ct);
                await using var disposeEarly = early.ConfigureAwait(false);
                var load = project.ToLoadOptions(parse);
                var byLabel = load.Files.Count == 0 && load.ProjectName is { Length: > 0 }
                    && ComposeFiles.Find(Path.GetFullPath(load.WorkingDirectory ?? Directory.GetCurrentDirectory())).Count == 0;
                var loaded = byLabel
                    ? new ComposeProject(load.ProjectName!, Path.GetFullPath(load.WorkingDirectory ?? Directory.GetCurrentDirectory()))
                    : await StackLoader.LoadAsync(context, load).ConfigureAwait(false);
                if (loaded is null)
                {
                    return ExitCodes.Failure;
                }

                var options = new DownOptions
                {
                    RemoveVolumes = parse.GetValue(volumes),
                    RemoveOrphans = parse.GetValue(removeOrphans),
                    Timeout = parse.GetValue(timeout) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                };
                using var projectLock = await ProjectLock.AcquireAsync(context, loaded.Name, ct).ConfigureAwait(false);
                var discovered = await early.TakeAsync().ConfigureAwait(false);
                await using var disposeEngine = discovered.ConfigureAwait(false);
                var plan = byLabel
                    ? DownReconciler.PlanFromLabels(await StackObserver.ObserveFromListsAsync(discovered.Client, loaded.Name, ct).ConfigureAwait(false), options)
                    : await StackRunner.PlanDownAsync(discovered.Client, loaded, options, ct).ConfigureAwait(false);
                if (byLabel)
                {
                    await context.Error.WriteLineAsync($"no Compose file here: taking down project {loaded.Name} by its labels (every container, network{(options.RemoveVolumes ? " and volume" : "")} labelled with it)").ConfigureAwait(false);
                }

                if (parse.GetValue(dryRun) || plan.IsEmpty)
                {
                    await context.Out.WriteAsync(plan.ToText()).ConfigureAwait(false);
                    return ExitCodes.Ok;
                }

                foreach (var warning in plan.Warnings)
                {
                    await context.Error.WriteLineAsync("warning: " + warning).ConfigureAwait(false);
                }

                var started = context.Time.GetTimestamp();
                var result = await StackProgressDisplay.RunAsync(
                    context,
                    plan.Operations.Select(o => o.Service).OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
                    progress => new StackExecutor(discovered.Client, loaded, new StackExecutorOptions { TimeProvider = context.Time, Progress = progress }).RunAsync(plan, ct)).ConfigureAwait(false);
                if (!result.Succeeded)
                {
                    await StackResultOutput.WriteFailureAsync(context, result).ConfigureAwait(false);
                    return ExitCodes.Failure;
                }

                await context.Out.WriteLineAsync($"down {loaded.Name}: {plan.Operations.Count} operations done in {Durations.Format(context.Time.GetElapsedTime(started))}").ConfigureAwait(false);
                return ExitCodes.Ok;
            },
            cancellationToken));
        return command;
    }
}
