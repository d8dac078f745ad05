using Coxswain.Cli.Engines;

namespace Coxswain.Cli.Doctor;

/// <summary>Everything <c>cox doctor</c> found, as printed by <c>--json</c>.</summary>
internal sealed record DoctorReport(
    bool Ok,
    EngineReport Engine,
    IReadOnlyList<AttemptReport> SkippedEndpoints,
    PodmanServiceReport? PodmanService,
    IReadOnlyList<DoctorCheck> Checks);
