using Coxswain.Engine;

namespace Coxswain.Cli.Doctor;

/// <summary>Settings of the live check. The defaults are what <c>cox doctor</c> uses.</summary>
internal sealed record DoctorOptions
{
    /// <summary>The image the check container runs.</summary>
    public string BusyboxReference { get; init; } = LocalImages.BusyboxReference;

    /// <summary>The static busybox binary the image is made from when missing.</summary>
    public string BusyboxPath { get; init; } = LocalImages.HostBusyboxPath;

    /// <summary>Longest time one step (ping, create, start, exec, remove) may take.</summary>
    public TimeSpan StepTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest time making sure the image exists may take (an import writes a few MB).</summary>
    public TimeSpan ImageTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Makes the check container's name; the default is <c>cox-doctor-&lt;8 random hex digits&gt;</c>.</summary>
    public Func<string> ContainerName { get; init; } =
        static () => "cox-doctor-" + System.Security.Cryptography.RandomNumberGenerator.GetHexString(8, lowercase: true);
}
