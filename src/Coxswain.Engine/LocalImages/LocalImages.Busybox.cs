using System.Buffers.Binary;
using System.Formats.Tar;
using System.Text;

namespace Coxswain.Engine;

public static partial class LocalImages
{
    /// <summary>Mode 0755.</summary>
    private const UnixFileMode Mode755 =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    /// <summary>Mode 0644.</summary>
    private const UnixFileMode Mode644 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>Mode 0700.</summary>
    private const UnixFileMode Mode700 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Mode 1777 (world-writable with the sticky bit, like /tmp).</summary>
    private const UnixFileMode Mode1777 = Mode755 | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite | UnixFileMode.StickyBit;

    /// <summary>Every entry of the busybox root filesystem carries this time, so the tar is the same byte for byte on every run.</summary>
    private static readonly DateTimeOffset RootfsTime = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The applets linked in <c>/bin</c> of the busybox image: a shell and the tools tests, probes and examples use.
    /// Each is a symlink to <c>/bin/busybox</c>; all exist in Debian's busybox-static.</summary>
    public static IReadOnlyList<string> BusyboxApplets { get; } =
    [
        "sh", "ash", "[", "[[", "test", "true", "false", "echo", "printf", "sleep", "usleep", "timeout", "env", "kill", "killall",
        "pidof", "ps", "top", "free", "uptime", "nproc", "uname", "hostname", "id", "whoami", "groups", "date", "time", "watch",
        "cat", "head", "tail", "tee", "wc", "tr", "cut", "sort", "uniq", "tac", "rev", "fold", "nl", "paste", "shuf", "od",
        "hexdump", "xxd", "grep", "egrep", "fgrep", "sed", "awk", "expr", "seq", "yes", "xargs", "find", "which", "diff", "cmp",
        "patch", "less", "more", "vi", "ls", "mkdir", "rmdir", "rm", "cp", "mv", "ln", "touch", "chmod", "chown", "chgrp", "stat",
        "du", "df", "dd", "sync", "truncate", "mktemp", "mkfifo", "readlink", "realpath", "basename", "dirname", "mount", "umount",
        "md5sum", "sha1sum", "sha256sum", "sha512sum", "base64", "gzip", "gunzip", "zcat", "tar", "unzip", "bzip2", "bunzip2",
        "xz", "unxz", "httpd", "nc", "wget", "ping", "nslookup", "ifconfig", "ip", "netstat", "route", "telnet", "traceroute",
        "logger", "setsid", "su", "chroot", "stty", "tty", "getopt", "run-parts", "start-stop-daemon", "crond", "renice",
    ];

    /// <summary>A tar of the busybox root filesystem, positioned at its start: <c>/bin/busybox</c> (copied from
    /// <paramref name="busyboxPath"/>, which must be a static binary) with a symlink per <see cref="BusyboxApplets"/> entry,
    /// <c>/usr/bin/env</c>, <c>/tmp</c> and <c>/var/tmp</c> (1777), <c>/root</c> (0700), <c>/etc/passwd</c> and <c>/etc/group</c>
    /// (root and nobody), and <c>/var/www/index.html</c> for httpd. Throws <see cref="EngineException"/> naming the path and the
    /// package to install when the binary is missing or not static.</summary>
    public static Stream CreateBusyboxRootfs(string busyboxPath = HostBusyboxPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(busyboxPath);
        var busybox = OpenStaticBusybox(busyboxPath);
        var output = new MemoryStream();
        try
        {
            using (busybox)
            using (var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true))
            {
                foreach (var directory in new[] { "bin", "dev", "etc", "home", "proc", "run", "sbin", "sys", "usr", "usr/bin", "usr/sbin", "var", "var/www" })
                {
                    writer.WriteEntry(RootfsEntry(TarEntryType.Directory, directory + "/", Mode755));
                }

                writer.WriteEntry(RootfsEntry(TarEntryType.Directory, "root/", Mode700));
                writer.WriteEntry(RootfsEntry(TarEntryType.Directory, "tmp/", Mode1777));
                writer.WriteEntry(RootfsEntry(TarEntryType.Directory, "var/tmp/", Mode1777));

                var binary = RootfsEntry(TarEntryType.RegularFile, "bin/busybox", Mode755);
                binary.DataStream = busybox;
                writer.WriteEntry(binary);
                foreach (var applet in BusyboxApplets)
                {
                    writer.WriteEntry(RootfsLink("bin/" + applet, "busybox"));
                }

                writer.WriteEntry(RootfsLink("usr/bin/env", "/bin/busybox"));

                writer.WriteEntry(RootfsFile("etc/passwd", "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n"));
                writer.WriteEntry(RootfsFile("etc/group", "root:x:0:\nnobody:x:65534:\nnogroup:x:65534:\n"));
                writer.WriteEntry(RootfsFile("var/www/index.html", "<!doctype html>\n<html><body><h1>cox-busybox</h1><p>served by busybox httpd</p></body></html>\n"));
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

    private static PaxTarEntry RootfsEntry(TarEntryType type, string name, UnixFileMode mode) =>
        new(type, name) { Mode = mode, Uid = 0, Gid = 0, ModificationTime = RootfsTime };

    private static PaxTarEntry RootfsLink(string name, string target)
    {
        var entry = RootfsEntry(TarEntryType.SymbolicLink, name, Mode755 | UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite);
        entry.LinkName = target;
        return entry;
    }

    private static PaxTarEntry RootfsFile(string name, string content)
    {
        var entry = RootfsEntry(TarEntryType.RegularFile, name, Mode644);
        entry.DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content));
        return entry;
    }

    /// <summary>Opens the busybox binary after checking that it exists and is statically linked (an ELF without an interpreter):
    /// a dynamic one would not run in a root filesystem without a C library.</summary>
    private static FileStream OpenStaticBusybox(string path)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new EngineException(
                $"{path} does not exist: the busybox image is built from the host's static busybox. Install it with `apt-get install busybox-static`.", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EngineException($"cannot read {path} ({ex.Message}): the busybox image is built from it.", ex);
        }

        try
        {
            if (HasElfInterpreter(stream))
            {
                throw new EngineException(
                    $"{path} is dynamically linked, so it cannot run in an image without a C library. Install the static build with `apt-get install busybox-static`.");
            }

            stream.Position = 0;
            return stream;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>True when the file is a 64-bit little-endian ELF with a PT_INTERP program header (dynamically linked).
    /// Other files are not judged (false).</summary>
    private static bool HasElfInterpreter(FileStream stream)
    {
        const uint programInterpreter = 3;
        Span<byte> header = stackalloc byte[64];
        if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length
            || header[0] != 0x7f || header[1] != (byte)'E' || header[2] != (byte)'L' || header[3] != (byte)'F'
            || header[4] != 2 /* 64-bit */ || header[5] != 1 /* little-endian */)
        {
            return false;
        }

        var tableOffset = BinaryPrimitives.ReadInt64LittleEndian(header[32..]);
        var entrySize = BinaryPrimitives.ReadUInt16LittleEndian(header[54..]);
        var entryCount = BinaryPrimitives.ReadUInt16LittleEndian(header[56..]);
        if (entrySize < 4 || tableOffset <= 0)
        {
            return false;
        }

        Span<byte> type = stackalloc byte[4];
        for (var i = 0; i < entryCount; i++)
        {
            stream.Position = tableOffset + ((long)i * entrySize);
            if (stream.ReadAtLeast(type, type.Length, throwOnEndOfStream: false) < type.Length)
            {
                return false;
            }

            if (BinaryPrimitives.ReadUInt32LittleEndian(type) == programInterpreter)
            {
                return true;
            }
        }

        return false;
    }
}
