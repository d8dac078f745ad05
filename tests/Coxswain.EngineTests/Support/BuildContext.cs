using System.Formats.Tar;
using System.Text;

namespace Coxswain.EngineTests;

/// <summary>Makes the tar a build reads its context from.</summary>
internal static class BuildContext
{
    /// <summary>A tar holding one file, <c>Dockerfile</c>, with <paramref name="dockerfile"/> as its text.</summary>
    public static MemoryStream WithDockerfile(string dockerfile)
    {
        var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, "Dockerfile")
            {
                DataStream = new MemoryStream(Encoding.UTF8.GetBytes(dockerfile)),
                Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
            };
            writer.WriteEntry(entry);
        }

        tar.Position = 0;
        return tar;
    }
}
