using System.Security.Cryptography;
using System.Text;
using Coxswain.Engine;

namespace Coxswain.Matrix;

/// <summary>
/// The content hash of what a target's image is built from: every file of the build context that <c>.dockerignore</c> keeps
/// (path, executable bit, bytes; symlinks by their target), the Dockerfile's path and the build arguments. Times and owners are
/// left out, so a checkout elsewhere or a touched file gives the same hash and the image is reused.
/// </summary>
public static class ContextHash
{
    /// <summary>How many hex digits of the SHA-256 tag an image: 12.</summary>
    public const int TagLength = 12;

    /// <summary>The hash (64 hex digits) of <paramref name="target"/>'s build in <paramref name="contextDirectory"/>.</summary>
    public static string Compute(string contextDirectory, MatrixTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var root = Path.GetFullPath(contextDirectory);
        var ignore = DockerIgnore.Load(root);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, "dockerfile\0" + target.Dockerfile.Replace('\\', '/') + "\0");
        foreach (var (key, value) in target.BuildArgs.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Add(hash, "arg\0" + key + "=" + value + "\0");
        }

        var dockerfile = target.Dockerfile.Replace('\\', '/').TrimStart('/');
        foreach (var file in Files(root, ""))
        {
            if (ignore.IsExcluded(file) && file != dockerfile && file != DockerIgnore.FileName)
            {
                continue;
            }

            var full = Path.Combine(root, file);
            var info = new FileInfo(full);
            if (info.LinkTarget is { } link)
            {
                Add(hash, "link\0" + file + "\0" + link + "\0");
                continue;
            }

            var executable = !OperatingSystem.IsWindows() && (info.UnixFileMode & UnixFileMode.UserExecute) != 0;
            Add(hash, $"file\0{file}\0{(executable ? "x" : "-")}\0{info.Length}\0");
            if (info.Length > 0)
            {
                using var stream = info.OpenRead();
                var buffer = new byte[81920];
                int read;
                while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                }
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Every file (and symlink) under <paramref name="root"/>, relative and '/'-separated, in ordinal order.</summary>
    private static IEnumerable<string> Files(string root, string relative)
    {
        var folder = relative.Length == 0 ? root : Path.Combine(root, relative);
        foreach (var item in new DirectoryInfo(folder).EnumerateFileSystemInfos().OrderBy(i => i.Name, StringComparer.Ordinal))
        {
            var path = relative.Length == 0 ? item.Name : relative + "/" + item.Name;
            if (item is DirectoryInfo && item.LinkTarget is null)
            {
                foreach (var inner in Files(root, path))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return path;
            }
        }
    }

    private static void Add(IncrementalHash hash, string text) => hash.AppendData(Encoding.UTF8.GetBytes(text));
}
