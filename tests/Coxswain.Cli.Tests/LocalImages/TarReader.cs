using System.Formats.Tar;

namespace Coxswain.Cli.Tests.LocalImages;

/// <summary>Reads a whole tar into entries with their content, for assertions.</summary>
internal static class TarContents
{
    public static IReadOnlyList<(TarEntry Entry, byte[] Data)> Read(Stream tar)
    {
        var entries = new List<(TarEntry, byte[])>();
        using var reader = new TarReader(tar, leaveOpen: true);
        while (reader.GetNextEntry(copyData: true) is { } entry)
        {
            var data = Array.Empty<byte>();
            if (entry.DataStream is { } stream)
            {
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                data = copy.ToArray();
            }

            entries.Add((entry, data));
        }

        return entries;
    }
}
