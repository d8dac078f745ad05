using System.CommandLine;

namespace Coxswain.Cli.Commands.Stack;

internal static class UpCommand
{
    public static Command Create(CliContext context, GlobalOptions global, ProjectOptions project)
    {
        var detach = new Option<bool>("--detach", "-d") { Description = "Return once the containers are started (with --wait: once they are ready)" };
        var wait = new Option<bool>("--wait") { Description = "Wait until every service is running, and healthy when it has a healthcheck (Coxswain runs the probes for the duration of the wait)" };
        var waitTimeout = new Option<int?>("--wait-timeout") { Description = "Seconds a wait may take (default 300)", HelpName = "seconds" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the plan (every operation with its cause and what it waits for) and change nothing" };
        var removeOrphans = new Option<bool>("--remove-orphans") { Description = "Remove containers of services that are no longer in the Compose file" };
        var scale = new Option<string[]>("--scale") { Description = "Run N containers of a service: --scale web=3 (repeatable; over deploy.replicas)", HelpName = "service=n", AllowMultipleArgumentsPerToken = false };
        var services = new Argument<string[]>("services") { Description = "Services to start (their dependencies come too); default: all", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command(
            "up",
            "Create and start the project's containers: observe the engine, plan (pull, create networks and volumes, create, recreate what drifted "
            + "by config hash, start in dependency order, waiting for each depends_on condition), then run the plan in parallel. "
            + "A second up with nothing changed does nothing. On failure, containers this run created that are not running are removed. "
            + "Without -d, cox follows the logs of the project after the start until Ctrl+C, which leaves the containers running "
            + "(containers that crash later are restarted only when `cox daemon` supervises the stack).")
        {
            detach, wait, waitTimeout, dryRun, removeOrphans, scale, services,
        };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(
            context,
            json: false,
            ct => UpAction.RunAsync(
                context,
                new UpRequest(
                    parse.GetValue(global.Host),
                    project.ToLoadOptions(parse),
                    parse.GetValue(services) ?? [],
                    parse.GetValue(scale) ?? [],
                    parse.GetValue(detach),
                    parse.GetValue(wait),
                    parse.GetValue(waitTimeout),
                    parse.GetValue(dryRun),
                    parse.GetValue(removeOrphans)),
                ct),
            cancellationToken));
        return command;
    }
}
