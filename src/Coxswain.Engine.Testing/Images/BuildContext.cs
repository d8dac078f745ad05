using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;

namespace Coxswain.Engine.Testing;

/// <summary>The files of a build context tar (plain or gzip), by path without a leading "./".</summary>
internal sealed class BuildContext
{
    private BuildContext(Dictionary<string, byte[]> files, HashSet<string> directories, string contentHash)
    {
        Files = files;
        Directories = directories;
        ContentHash = contentHash;
    }

    public IReadOnlyDictionary<string, byte[]> Files { get; }

    public IReadOnlySet<string> Directories { get; }

    public string ContentHash { get; }

    public static async Task<BuildContext> ReadAsync(Stream tar, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await tar.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        var bytes = buffer.ToArray();
        var contentHash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Stream source = new MemoryStream(bytes);
        if (bytes.Length > 2 && bytes[0] == 0x1f && bytes[1] == 0x8b)
        {
            source = new GZipStream(source, CompressionMode.Decompress);
        }

        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var directories = new HashSet<string>(StringComparer.Ordinal);
        await using (source.ConfigureAwait(false))
        {
            var reader = new TarReader(source);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.GetNextEntryAsync(copyData: true, cancellationToken).ConfigureAwait(false) is { } entry)
                {
                    var name = Normalize(entry.Name);
                    if (name.Length == 0)
                    {
                        continue;
                    }

                    if (entry.EntryType == TarEntryType.Directory)
                    {
                        directories.Add(name);
                    }
                    else if (entry.DataStream is { } data)
                    {
                        using var content = new MemoryStream();
                        await data.CopyToAsync(content, cancellationToken).ConfigureAwait(false);
                        files[name] = content.ToArray();
                    }
                    else
                    {
                        files[name] = [];
                    }
                }
            }
        }

        return new BuildContext(files, directories, contentHash);
    }

    /// <summary>Whether a COPY/ADD source exists: a file, a directory, or a prefix of some file's path.</summary>
    public bool Contains(string path)
    {
        var name = Normalize(path);
        return name.Length == 0
            || Files.ContainsKey(name)
            || Directories.Contains(name)
            || Files.Keys.Any(f => f.StartsWith(name + "/", StringComparison.Ordinal));
    }

    public static string Normalize(string path)
    {
        var name = path.Replace('\\', '/');
        while (name.StartsWith("./", StringComparison.Ordinal))
        {
            name = name[2..];
        }

        name = name.Trim('/');
        return name == "." ? "" : name;
    }
}
