using Coxswain.Cli.Output;
using Coxswain.Engine;

namespace Coxswain.Cli.Doctor;

/// <summary>Doctor's findings as one JSON document on stdout at the end; log messages go to stderr so stdout stays parseable.</summary>
internal sealed class DoctorJsonOutput(TextWriter output, TextWriter error) : IDoctorOutput
{
    public void Log(string message) => error.WriteLine("cox: " + message);

    public void EngineFound(DiscoveredEngine engine, TimeSpan discovery)
    {
    }

    public void CheckDone(DoctorCheck check)
    {
    }

    public void Finish(DoctorReport report) => CliJson.Write(output, report);
}
