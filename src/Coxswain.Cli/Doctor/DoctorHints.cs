namespace Coxswain.Cli.Doctor;

/// <summary>What to do about engine errors doctor recognises (measured on Debian hosts without systemd or CAP_SYS_RESOURCE).</summary>
internal static class DoctorHints
{
    public const string Rlimits =
        "the engine cannot apply Podman's default rlimits here (no CAP_SYS_RESOURCE): lower them in a containers.conf "
        + "([containers] default_ulimits = [\"nofile=4096:4096\", \"nproc=4096:4096\"]) and point CONTAINERS_CONF at it, as scripts/engines.sh does";

    public const string HybridCgroups =
        "crun cannot run on this host's hybrid cgroups: install runc and set runtime = \"runc\" in the [engine] section of a containers.conf "
        + "pointed at by CONTAINERS_CONF";

    /// <summary>A hint for <paramref name="error"/>, or null when doctor knows none.</summary>
    public static string? For(string? error)
    {
        if (error is null)
        {
            return null;
        }

        if (error.Contains("rlimit", StringComparison.OrdinalIgnoreCase))
        {
            return Rlimits;
        }

        return error.Contains("hybrid mode not supported", StringComparison.OrdinalIgnoreCase) ? HybridCgroups : null;
    }
}
