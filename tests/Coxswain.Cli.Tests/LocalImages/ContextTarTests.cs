using System.Formats.Tar;
using System.Text;
using Xunit;

namespace Coxswain.Cli.Tests.LocalImages;

public sealed class ContextTarTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cox-context-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void CreateContextTar_Folder_HoldsFilesFoldersAndLinksWithModesOwnedByRoot()
    {
        Write("Dockerfile", "FROM cox-busybox:latest\n");
        Write("app/run.sh", "#!/bin/sh\necho hi\n");
        File.SetUnixFileMode(Path.Combine(_dir, "app/run.sh"), (UnixFileMode)0b111_101_101);
        File.CreateSymbolicLink(Path.Combine(_dir, "app/start"), "run.sh");

        using var tar = Engine.LocalImages.CreateContextTar(_dir);
        var entries = TarContents.Read(tar).ToDictionary(e => e.Entry.Name, StringComparer.Ordinal);

        Assert.Equal(["Dockerfile", "app/", "app/run.sh", "app/start"], entries.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("FROM cox-busybox:latest\n", Encoding.UTF8.GetString(entries["Dockerfile"].Data));
        Assert.Equal((UnixFileMode)0b111_101_101, entries["app/run.sh"].Entry.Mode);
        Assert.Equal(TarEntryType.Directory, entries["app/"].Entry.EntryType);
        Assert.Equal(TarEntryType.SymbolicLink, entries["app/start"].Entry.EntryType);
        Assert.Equal("run.sh", entries["app/start"].Entry.LinkName);
        Assert.All(entries.Values, e => Assert.Equal((0, 0), (e.Entry.Uid, e.Entry.Gid)));
    }

    [Fact]
    public void CreateContextTar_DockerIgnore_LeavesOutWhatItExcludesButKeepsExceptionsAndBuildFiles()
    {
        Write("Dockerfile", "FROM x\n");
        Write(".dockerignore", "# build output\n*.log\nbuild/\n!build/keep.txt\n**/*.tmp\nDockerfile\n/secret.env\n");
        Write("app.log", "x");
        Write("main.c", "int main;");
        Write("build/out.o", "x");
        Write("build/keep.txt", "keep");
        Write("src/deep/a.tmp", "x");
        Write("src/deep/a.c", "x");
        Write("secret.env", "x");
        Write("src/secret.env", "x");

        using var tar = Engine.LocalImages.CreateContextTar(_dir);
        var names = TarContents.Read(tar).Select(e => e.Entry.Name).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(
            [".dockerignore", "Dockerfile", "build/keep.txt", "main.c", "src/", "src/deep/", "src/deep/a.c", "src/secret.env"],
            names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void CreateContextTar_MissingFolder_SaysWhichFolder()
    {
        var missing = Path.Combine(_dir, "nope");

        var error = Assert.Throws<DirectoryNotFoundException>(() => Engine.LocalImages.CreateContextTar(missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    private void Write(string relative, string content)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
