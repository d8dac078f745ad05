using Coxswain.Engine;

namespace Coxswain.Cli.Doctor;

/// <summary>Where doctor's findings go as they happen: text for people, or one JSON document at the end.</summary>
internal interface IDoctorOutput
{
    /// <summary>Something discovery did that a person should know (e.g. it started a Podman service).</summary>
    void Log(string message);

    /// <summary>The engine was found.</summary>
    void EngineFound(DiscoveredEngine engine, TimeSpan discovery);

    /// <summary>One check ended.</summary>
    void CheckDone(DoctorCheck check);

    /// <summary>Everything is done (and a started Podman service stopped).</summary>
    void Finish(DoctorReport report);
}
