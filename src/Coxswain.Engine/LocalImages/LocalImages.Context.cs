using System.Formats.Tar;

namespace Coxswain.Engine;

public static partial class LocalImages
{
    /// <summary>
    /// A tar of the build context <paramref name="directory"/>, positioned at its start, for <see cref="IImageOperations.BuildImageAsync"/>.
    /// Files, folders and symlinks are stored with their modes and times, owned by root; what <c>.dockerignore</c> excludes is left out,
    /// except <paramref name="dockerfile"/> and <c>.dockerignore</c> themselves, which the engine needs. Empty files, FIFOs and sockets
    /// are all stored as empty files.
    /// The tar is written to a temporary file that is deleted when the stream is disposed.
    /// </summary>
    public static Stream CreateContextTar(string directory, string dockerfile = "Dockerfile")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentException.ThrowIfNullOrWhiteSpace(dockerfile);
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"the build context {root} does not exist or is not a folder");
        }

        var ignore = DockerIgnore.Load(root);
        var alwaysIncluded = new HashSet<string>(StringComparer.Ordinal) { dockerfile.Replace('\\', '/').TrimStart('/'), DockerIgnore.FileName };

        var tempPath = Path.GetTempFileName();
        var output = new FileStream(tempPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        try
        {
            using (var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true))
            {
                WriteFolder(writer, root, "", ignore, alwaysIncluded);
            }

            output.Position = 0;
            return output;
        }
        catch
        {
            output.Dispose();
            throw;
        }
    }

    private static void WriteFolder(TarWriter writer, string root, string relativeFolder, DockerIgnore ignore, HashSet<string> alwaysIncluded)
    {
        var folder = relativeFolder.Length == 0 ? root : Path.Combine(root, relativeFolder);
        var children = new DirectoryInfo(folder).EnumerateFileSystemInfos().OrderBy(i => i.Name, StringComparer.Ordinal);
        foreach (var item in children)
        {
            var relative = relativeFolder.Length == 0 ? item.Name : relativeFolder + "/" + item.Name;
            var excluded = ignore.IsExcluded(relative) && !alwaysIncluded.Contains(relative);
            var isRealFolder = item is DirectoryInfo && item.LinkTarget is null;

            if (isRealFolder)
            {
                if (!excluded)
                {
                    writer.WriteEntry(ContextEntry(TarEntryType.Directory, relative + "/", item));
                }

                // An excluded folder may still hold files a "!" pattern re-includes (or the Dockerfile).
                if (!excluded || ignore.HasExceptions || alwaysIncluded.Any(p => p.StartsWith(relative + "/", StringComparison.Ordinal)))
                {
                    WriteFolder(writer, root, relative, ignore, alwaysIncluded);
                }

                continue;
            }

            if (excluded)
            {
                continue;
            }

            if (item.LinkTarget is { } target)
            {
                var link = ContextEntry(TarEntryType.SymbolicLink, relative, item);
                link.LinkName = target;
                writer.WriteEntry(link);
            }
            else if (item is FileInfo file)
            {
                var entry = ContextEntry(TarEntryType.RegularFile, relative, item);
                if (file.Length == 0)
                {
                    // Never opened: .NET cannot tell a FIFO or socket (length 0, and opening a FIFO blocks) from an empty file.
                    writer.WriteEntry(entry);
                    continue;
                }

                using var data = file.OpenRead();
                entry.DataStream = data;
                writer.WriteEntry(entry);
            }
        }
    }

    private static PaxTarEntry ContextEntry(TarEntryType type, string name, FileSystemInfo item)
    {
        var entry = new PaxTarEntry(type, name)
        {
            Uid = 0,
            Gid = 0,
            ModificationTime = item.LastWriteTimeUtc,
        };
        if (!OperatingSystem.IsWindows())
        {
            entry.Mode = item.UnixFileMode;
        }

        return entry;
    }
}
