using System.Text.Json.Serialization;

namespace Coxswain.Cli.Doctor;

/// <summary>How one doctor check ended.</summary>
internal enum DoctorCheckStatus
{
    /// <summary>It worked.</summary>
    [JsonStringEnumMemberName("ok")]
    Ok,

    /// <summary>It failed; <see cref="DoctorCheck.Error"/> says why.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>Not run because a check it needs failed.</summary>
    [JsonStringEnumMemberName("skipped")]
    Skipped,
}
