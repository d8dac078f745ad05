using System.Diagnostics;
using System.Formats.Tar;
using System.Text;
using Coxswain.Engine;
using Xunit;

namespace Coxswain.Cli.Tests.LocalImages;

public sealed class BusyboxRootfsTests : IDisposable
{
    private const UnixFileMode Mode755 = (UnixFileMode)0b111_101_101;
    private readonly string _dir = Directory.CreateTempSubdirectory("cox-rootfs-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void CreateBusyboxRootfs_HoldsTheBinaryAndALinkPerApplet()
    {
        var busybox = FakeBusybox("not really busybox, but not ELF either");

        using var tar = Engine.LocalImages.CreateBusyboxRootfs(busybox);
        var entries = TarContents.Read(tar).ToDictionary(e => e.Entry.Name, StringComparer.Ordinal);

        var binary = entries["bin/busybox"];
        Assert.Equal(TarEntryType.RegularFile, binary.Entry.EntryType);
        Assert.Equal(Mode755, binary.Entry.Mode);
        Assert.Equal(File.ReadAllBytes(busybox), binary.Data);
        foreach (var applet in new[] { "sh", "sleep", "echo", "cat", "httpd", "nc", "wget", "[", "timeout", "awk" })
        {
            Assert.Contains(applet, Engine.LocalImages.BusyboxApplets);
        }

        foreach (var applet in Engine.LocalImages.BusyboxApplets)
        {
            var link = entries["bin/" + applet].Entry;
            Assert.Equal(TarEntryType.SymbolicLink, link.EntryType);
            Assert.Equal("busybox", link.LinkName);
        }

        Assert.Equal("/bin/busybox", entries["usr/bin/env"].Entry.LinkName);
        Assert.Equal(Engine.LocalImages.BusyboxApplets.Count, Engine.LocalImages.BusyboxApplets.Distinct().Count());
    }

    [Fact]
    public void CreateBusyboxRootfs_HasTmpRootUsersAndAWebRoot()
    {
        using var tar = Engine.LocalImages.CreateBusyboxRootfs(FakeBusybox("x"));
        var entries = TarContents.Read(tar).ToDictionary(e => e.Entry.Name, StringComparer.Ordinal);

        Assert.Equal((UnixFileMode)0b1_111_111_111, entries["tmp/"].Entry.Mode); // 1777
        Assert.Equal((UnixFileMode)0b1_111_111_111, entries["var/tmp/"].Entry.Mode);
        Assert.Equal((UnixFileMode)0b111_000_000, entries["root/"].Entry.Mode); // 0700
        Assert.Equal(TarEntryType.Directory, entries["var/www/"].Entry.EntryType);
        var passwd = Encoding.UTF8.GetString(entries["etc/passwd"].Data);
        Assert.Contains("root:x:0:0:root:/root:/bin/sh\n", passwd, StringComparison.Ordinal);
        Assert.Contains("nobody:x:65534:65534:", passwd, StringComparison.Ordinal);
        Assert.Contains("root:x:0:", Encoding.UTF8.GetString(entries["etc/group"].Data), StringComparison.Ordinal);
        Assert.Contains("cox-busybox", Encoding.UTF8.GetString(entries["var/www/index.html"].Data), StringComparison.Ordinal);
        Assert.All(entries.Values, e => Assert.Equal((0, 0), (e.Entry.Uid, e.Entry.Gid)));
    }

    [Fact]
    public void CreateBusyboxRootfs_ParentFoldersComeBeforeTheirEntries()
    {
        using var tar = Engine.LocalImages.CreateBusyboxRootfs(FakeBusybox("x"));
        var seen = new HashSet<string>(StringComparer.Ordinal);

        foreach (var (entry, _) in TarContents.Read(tar))
        {
            var name = entry.Name.TrimEnd('/');
            var slash = name.LastIndexOf('/');
            if (slash > 0)
            {
                Assert.Contains(name[..slash] + "/", seen);
            }

            seen.Add(entry.Name);
        }
    }

    [Fact]
    public void CreateBusyboxRootfs_SameInput_SameBytes()
    {
        var busybox = FakeBusybox("same");
        using var first = Engine.LocalImages.CreateBusyboxRootfs(busybox);
        using var second = Engine.LocalImages.CreateBusyboxRootfs(busybox);

        Assert.Equal(ReadAll(first), ReadAll(second));
    }

    [Fact]
    public void CreateBusyboxRootfs_MissingBinary_ErrorNamesThePathAndThePackage()
    {
        var missing = Path.Combine(_dir, "no-busybox");

        var error = Assert.Throws<EngineException>(() => Engine.LocalImages.CreateBusyboxRootfs(missing));

        Assert.Contains(missing + " does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install busybox-static", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateBusyboxRootfs_DynamicallyLinkedBinary_RejectedWithThePackageToInstall()
    {
        var path = Path.Combine(_dir, "busybox");
        File.WriteAllBytes(path, ElfWithInterpreter());

        var error = Assert.Throws<EngineException>(() => Engine.LocalImages.CreateBusyboxRootfs(path));

        Assert.Contains(path + " is dynamically linked", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install busybox-static", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BusyboxApplets_AllExistInTheHostsStaticBusybox()
    {
        RequireHostBusybox();

        using var process = Process.Start(new ProcessStartInfo(Engine.LocalImages.HostBusyboxPath, "--list") { RedirectStandardOutput = true })!;
        var available = process.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        Assert.True(process.WaitForExit(10_000));

        var missing = Engine.LocalImages.BusyboxApplets.Where(a => !available.Contains(a)).ToArray();
        Assert.True(missing.Length == 0, "not in the host's busybox: " + string.Join(' ', missing));
    }

    [Fact]
    public void CreateBusyboxRootfs_RealHostBusybox_IsAcceptedAsStatic()
    {
        RequireHostBusybox();

        using var tar = Engine.LocalImages.CreateBusyboxRootfs();

        Assert.True(tar.Length > 500_000);
    }

    private string FakeBusybox(string content)
    {
        var path = Path.Combine(_dir, "busybox-" + content.Length);
        File.WriteAllText(path, content);
        return path;
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>A minimal 64-bit little-endian ELF header with one PT_INTERP program header.</summary>
    private static byte[] ElfWithInterpreter()
    {
        var bytes = new byte[64 + 56];
        bytes[0] = 0x7f;
        bytes[1] = (byte)'E';
        bytes[2] = (byte)'L';
        bytes[3] = (byte)'F';
        bytes[4] = 2; // 64-bit
        bytes[5] = 1; // little-endian
        BitConverter.TryWriteBytes(bytes.AsSpan(32), 64L); // e_phoff
        BitConverter.TryWriteBytes(bytes.AsSpan(54), (ushort)56); // e_phentsize
        BitConverter.TryWriteBytes(bytes.AsSpan(56), (ushort)1); // e_phnum
        BitConverter.TryWriteBytes(bytes.AsSpan(64), 3u); // p_type = PT_INTERP
        return bytes;
    }

    /// <summary>Skips locally without Debian's busybox-static; in CI (where scripts/engines.sh installs it) its absence fails.</summary>
    private static void RequireHostBusybox()
    {
        if (File.Exists(Engine.LocalImages.HostBusyboxPath))
        {
            return;
        }

        const string Why = "no /bin/busybox on this machine (apt-get install busybox-static, or scripts/engines.sh start)";
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail(Why);
        }

        Assert.Skip(Why);
    }
}
