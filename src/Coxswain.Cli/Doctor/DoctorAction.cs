using Coxswain.Cli.Engines;
using Coxswain.Cli.Output;

namespace Coxswain.Cli.Doctor;

/// <summary>What <c>cox doctor</c> does: discover, print the engine, run the live check, stop a Podman service it started, report.</summary>
internal static class DoctorAction
{
    public static async Task<int> RunAsync(CliContext context, string? host, bool json, CancellationToken cancellationToken, DoctorOptions? options = null)
    {
        IDoctorOutput output = json ? new DoctorJsonOutput(context.Out, context.Error) : new DoctorTextOutput(Terminal.ForOut(context));
        var time = context.Time;

        var started = time.GetTimestamp();
        var engine = await context.Engines.ConnectAsync(host, output.Log, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<DoctorCheck> checks;
        EngineReport engineReport;
        PodmanServiceReport? podman = null;
        try
        {
            var discovery = time.GetElapsedTime(started);
            engineReport = EngineReport.From(engine, discovery);
            output.EngineFound(engine, discovery);
            checks = await new DoctorRunner(engine.Client, time, output.CheckDone, options).RunAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (engine.StartedService is { } service)
            {
                podman = new PodmanServiceReport(service.SocketPath, service.ProcessId, Stopped: true);
            }

            await engine.DisposeAsync().ConfigureAwait(false);
        }

        var skipped = engine.FailedAttempts.Select(AttemptReport.From).ToArray();
        var ok = checks.All(c => c.Status == DoctorCheckStatus.Ok);
        output.Finish(new DoctorReport(ok, engineReport, skipped, podman, checks));
        return ok ? ExitCodes.Ok : ExitCodes.Failure;
    }
}
