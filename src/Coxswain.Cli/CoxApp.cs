using System.CommandLine;
using System.Runtime.InteropServices;
using Coxswain.Cli.Commands;

namespace Coxswain.Cli;

/// <summary>The <c>cox</c> command line: builds the command tree and runs it. One file per command under Commands/.</summary>
internal static class CoxApp
{
    private const string Description =
        "cox (Coxswain) runs Compose stacks on Docker or Podman through the Docker Engine API, keeps them healthy, and runs plans over them.\n\n"
        + "Exit codes: 0 ok, 1 failure, 2 usage error, 3 no container engine answered.";

    /// <summary>Builds the root command with every subcommand, bound to <paramref name="context"/>.</summary>
    public static RootCommand CreateRootCommand(CliContext context)
    {
        var global = new GlobalOptions();
        var root = new RootCommand(Description);
        global.AddTo(root);
        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Action = new VersionAction();
        }

        root.Subcommands.Add(DoctorCommand.Create(context, global));
        Commands.Stack.StackCommands.AddTo(root, context, global);
        root.Subcommands.Add(Commands.Plan.PlanCommand.Create(context, global));
        root.Subcommands.Add(Commands.Matrix.MatrixCommand.Create(context, global));
        root.Subcommands.Add(Commands.Daemon.DaemonCommand.Create(context, global));
        root.Subcommands.Add(Commands.Daemon.AppCommand.Create(context));
        root.Subcommands.Add(Commands.Daemon.EventsCommand.Create(context));
        root.Subcommands.Add(Commands.Daemon.EventsCommand.CreateInspect(context));
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code (see <see cref="ExitCodes"/>).
    /// With <paramref name="handleTermination"/>, the first SIGINT or SIGTERM cancels the command, which then cleans up
    /// (e.g. removes doctor's container) and exits with <see cref="ExitCodes.Cancelled"/>; a second one ends the process at once.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, bool handleTermination = true, CancellationToken cancellationToken = default)
    {
        var root = CreateRootCommand(context);
        var parse = root.Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,
            EnableDefaultExceptionHandler = true,
            ProcessTerminationTimeout = null, // signals are handled here, so cleanup is never cut short
        };

        using var interrupted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigint = handleTermination ? PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt) : null;
        using var sigterm = handleTermination ? PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt) : null;

        var exitCode = await parse.InvokeAsync(configuration, interrupted.Token).ConfigureAwait(false);
        if (parse.Errors.Count > 0 && parse.Action is VersionAction)
        {
            // --version runs even when the parser objects to the other arguments. Global options beside it
            // (`cox -H … --version`) are fine; anything else is a usage error, said rather than only exited with.
            if (parse.UnmatchedTokens.Count == 0 && parse.CommandResult.Command == root)
            {
                return exitCode;
            }

            foreach (var error in parse.Errors)
            {
                await context.Error.WriteLineAsync(error.Message).ConfigureAwait(false);
            }
        }

        return parse.Errors.Count > 0 ? ExitCodes.Usage : exitCode;

        void Interrupt(PosixSignalContext signal)
        {
            if (!interrupted.IsCancellationRequested)
            {
                signal.Cancel = true; // keep running to clean up; the next signal terminates
                interrupted.Cancel();
            }
        }
    }
}
