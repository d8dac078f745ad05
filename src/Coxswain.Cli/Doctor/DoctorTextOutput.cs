using Coxswain.Cli.Output;
using Coxswain.Engine;
using Spectre.Console;

namespace Coxswain.Cli.Doctor;

/// <summary>Doctor's findings for people, line by line as they happen.</summary>
internal sealed class DoctorTextOutput(IAnsiConsole console) : IDoctorOutput
{
    public void Log(string message) => console.MarkupLineInterpolated($"[yellow]{message}[/]");

    public void EngineFound(DiscoveredEngine engine, TimeSpan discovery)
    {
        var version = engine.Version;
        var platform = version.Os.Length > 0 ? $", {version.Os}/{version.Arch}" : "";
        var minimum = version.MinApiVersion.Length > 0 ? $" (minimum {version.MinApiVersion})" : "";
        console.MarkupLineInterpolated($"Engine     [bold]{version.Kind} {version.Version}[/], API {version.ApiVersion}{minimum}{platform}");
        console.MarkupLineInterpolated($"Endpoint   [bold]{engine.Endpoint.Address}[/], from {engine.Source} [grey](found in {Durations.Format(discovery)})[/]");
        foreach (var skipped in engine.FailedAttempts)
        {
            console.MarkupLineInterpolated($"Not used   {skipped.Endpoint.Address} [grey]({skipped.Endpoint.Source})[/]: {skipped.Error}");
        }

        console.WriteLine();
    }

    public void CheckDone(DoctorCheck check)
    {
        var time = check.Status == DoctorCheckStatus.Skipped ? "" : $" ({Durations.Format(TimeSpan.FromMilliseconds(check.Ms))})";
        switch (check.Status)
        {
            case DoctorCheckStatus.Ok:
                var detail = check.Detail is null ? "" : ": " + check.Detail;
                console.MarkupLineInterpolated($"[green]{Symbols.Ok}[/] {check.Label}{detail}[grey]{time}[/]");
                break;
            case DoctorCheckStatus.Failed:
                console.MarkupLineInterpolated($"[red]{Symbols.Failed}[/] {check.Label}[grey]{time}[/]");
                console.MarkupLineInterpolated($"    [red]{check.Error}[/]");
                if (check.Hint is not null)
                {
                    console.MarkupLineInterpolated($"    hint: {check.Hint}");
                }

                break;
            default:
                console.MarkupLineInterpolated($"[grey]{Symbols.Skipped} {check.Label} ({check.Error})[/]");
                break;
        }
    }

    public void Finish(DoctorReport report)
    {
        console.WriteLine();
        if (report.PodmanService is { Stopped: true } service)
        {
            console.MarkupLineInterpolated($"Stopped the podman service cox started at unix://{service.Socket}.");
        }

        var failed = report.Checks.Count(c => c.Status == DoctorCheckStatus.Failed);
        if (report.Ok)
        {
            console.MarkupLineInterpolated($"[green]All {report.Checks.Count} checks passed[/]: cox can use {report.Engine.Kind} at {report.Engine.Endpoint}.");
        }
        else
        {
            console.MarkupLineInterpolated($"[red]{failed} of {report.Checks.Count} checks failed[/] on {report.Engine.Kind} at {report.Engine.Endpoint}.");
        }
    }
}
