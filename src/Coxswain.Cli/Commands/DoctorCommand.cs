using System.CommandLine;
using Coxswain.Cli.Doctor;

namespace Coxswain.Cli.Commands;

/// <summary><c>cox doctor</c>: finds the engine and proves it can run what cox needs.</summary>
internal static class DoctorCommand
{
    public static Command Create(CliContext context, GlobalOptions global)
    {
        var json = new Option<bool>("--json") { Description = "Print the findings as one JSON document on stdout" };
        var command = new Command(
            "doctor",
            "Find the container engine and check that cox can use it: where it was found, Docker or Podman and their versions, "
            + "then a live check (ping, the local busybox image, create/start/exec/remove a container) with the time of each step. "
            + "Leaves nothing behind. Exit code 0 when every check passed, 1 when one failed, 3 when no engine answered.")
        {
            json,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var useJson = parse.GetValue(json);
            var host = parse.GetValue(global.Host);
            return CommandRunner.RunAsync(
                context,
                useJson,
                ct => DoctorAction.RunAsync(context, host, useJson, ct),
                cancellationToken);
        });
        return command;
    }
}
