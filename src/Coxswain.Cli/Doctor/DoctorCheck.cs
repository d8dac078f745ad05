namespace Coxswain.Cli.Doctor;

/// <summary>One step of the live check: a stable <see cref="Name"/> (ping, image, create, start, exec, remove), a
/// <see cref="Label"/> for people, how it ended, how long it took, what it found and why it failed.</summary>
internal sealed record DoctorCheck(string Name, string Label, DoctorCheckStatus Status, long Ms)
{
    /// <summary>What the check found ("imported", "exit code 3, output \"cox-doctor\"").</summary>
    public string? Detail { get; init; }

    /// <summary>Why it failed or was skipped.</summary>
    public string? Error { get; init; }

    /// <summary>What to do about the failure, when doctor recognises it.</summary>
    public string? Hint { get; init; }
}
