namespace Coxswain.Engine.Testing.Tests;

/// <summary>The files containers see: their layer, volumes, tmpfs and binds, with read-only mounts refusing writes.</summary>
public sealed class FileSystemTests
{
    [Fact]
    public async Task Volume_DataWrittenByOneContainer_ReadByTheNext()
    {
        await using var h = new Harness();
        var mount = new MountSpec(MountType.Volume, "data", "/data");
        await h.Engine.CreateContainerAsync(new ContainerSpec { Name = "writer", Image = Harness.Image, Command = ["sh", "-c", "echo kept > /data/file"], Mounts = [mount] }, Harness.Token);
        await h.Engine.StartContainerAsync("writer", Harness.Token);
        Assert.Equal(0, await h.ExitCodeAsync("writer"));

        await h.Engine.CreateContainerAsync(new ContainerSpec { Name = "reader", Image = Harness.Image, Command = ["cat", "/data/file"], Mounts = [mount with { ReadOnly = true }] }, Harness.Token);
        await h.Engine.StartContainerAsync("reader", Harness.Token);
        Assert.Equal(0, await h.ExitCodeAsync("reader"));
        Assert.Equal(["kept"], await h.StdoutAsync("reader"));
    }

    [Fact]
    public async Task ReadOnlyMount_Write_FailsLikeBusybox()
    {
        await using var h = new Harness();
        await h.Engine.CreateContainerAsync(new ContainerSpec
        {
            Name = "c",
            Image = Harness.Image,
            Command = ["sh", "-c", "echo x > /data/f; echo status $?"],
            Mounts = [new MountSpec(MountType.Volume, "data", "/data", ReadOnly: true)],
        }, Harness.Token);
        await h.Engine.StartContainerAsync("c", Harness.Token);
        await h.ExitCodeAsync("c");
        Assert.Equal(["sh: can't create /data/f: Read-only file system"], await h.StderrAsync("c"));
        Assert.Equal(["status 1"], await h.StdoutAsync("c"));
    }

    [Fact]
    public async Task ReadOnlyRoot_WritesOnlyToMounts()
    {
        await using var h = new Harness();
        await h.Engine.CreateContainerAsync(new ContainerSpec
        {
            Name = "c",
            Image = Harness.Image,
            Command = ["sh", "-c", "touch /root/x || echo root refused; echo ok > /tmp/t && cat /tmp/t"],
            ReadOnlyRootFilesystem = true,
            Mounts = [new MountSpec(MountType.Tmpfs, null, "/tmp")],
        }, Harness.Token);
        await h.Engine.StartContainerAsync("c", Harness.Token);
        await h.ExitCodeAsync("c");
        Assert.Equal(["root refused", "ok"], await h.StdoutAsync("c"));
    }

    [Fact]
    public async Task Layer_KeptAcrossRestarts_TmpfsEmptiedAtEachStart()
    {
        await using var h = new Harness();
        await h.Engine.CreateContainerAsync(new ContainerSpec
        {
            Name = "c",
            Image = Harness.Image,
            Command = ["sh", "-c", "cat /state /run/t/x 2>/dev/null; echo run >> /state; echo t > /run/t/x"],
            Mounts = [new MountSpec(MountType.Tmpfs, null, "/run/t")],
        }, Harness.Token);
        await h.Engine.StartContainerAsync("c", Harness.Token);
        await h.ExitCodeAsync("c");
        await h.Engine.StartContainerAsync("c", Harness.Token);
        await h.ExitCodeAsync("c");
        Assert.Equal(["run"], await h.StdoutAsync("c"));

        await h.RunShellAsync("other", "cat /state");
        Assert.Equal(1, await h.ExitCodeAsync("other"));
    }

    [Fact]
    public async Task BindMount_ReadsAndWritesTheHostsFiles()
    {
        await using var h = new Harness();
        var directory = Directory.CreateTempSubdirectory("cox-fake-bind-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "in.conf"), "port=80\n", Harness.Token);
            await h.Engine.CreateContainerAsync(new ContainerSpec
            {
                Name = "c",
                Image = Harness.Image,
                Command = ["sh", "-c", "cat /cfg/in.conf; echo written > /cfg/out.txt"],
                Mounts = [new MountSpec(MountType.Bind, directory.FullName, "/cfg")],
            }, Harness.Token);
            await h.Engine.StartContainerAsync("c", Harness.Token);
            Assert.Equal(0, await h.ExitCodeAsync("c"));
            Assert.Equal(["port=80"], await h.StdoutAsync("c"));
            Assert.Equal("written\n", await File.ReadAllTextAsync(Path.Combine(directory.FullName, "out.txt"), Harness.Token));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("echo a > f; echo b >> f; cat f", "a,b")]
    [InlineData("printf '1\\n2\\n3\\n' > f; tail -n 2 f", "2,3")]
    [InlineData("echo in > f; cat < f", "in")]
    [InlineData("echo x > f; [ -f f ] && echo yes; rm f; [ -f f ] || echo gone", "yes,gone")]
    [InlineData("cd /; mkdir -p /a/b; echo z > /a/b/c; [ -d /a ] && cat a/b/../b/c", "z")]
    [InlineData("cat /etc/hostname; [ -d /etc ] && [ -f /bin/sh ] && echo std", "myhost,std")]
    public async Task ShellFileCommands_UseTheContainersFiles(string script, string expected)
    {
        await using var h = new Harness();
        await h.Engine.CreateContainerAsync(new ContainerSpec { Name = "c", Image = Harness.Image, Hostname = "myhost", WorkingDirectory = "/w", Command = ["sh", "-c", script] }, Harness.Token);
        await h.Engine.StartContainerAsync("c", Harness.Token);
        Assert.Equal(0, await h.ExitCodeAsync("c"));
        Assert.Equal(expected.Split(','), await h.StdoutAsync("c"));
    }

    [Fact]
    public async Task Exec_SeesFilesTheMainProcessWrote()
    {
        await using var h = new Harness();
        await h.RunShellAsync("c", "echo ready > /tmp/health; sleep 300");
        var result = await h.Engine.ExecAsync("c", new ExecSpec(["cat", "/tmp/health"]), cancellationToken: Harness.Token).Within();
        Assert.Equal("ready\n", result.Stdout);
    }

    [Fact]
    public async Task Program_ReadsAndWritesFilesThroughTheProcess()
    {
        await using var h = new Harness();
        h.Engine.Programs.ForContainer("c", ContainerPrograms.FromDelegate((process, _) =>
        {
            process.Files.WriteAllText("/srv/out", "from program");
            return Task.FromResult(process.Files.ReadAllText("srv/out") == "from program" ? 0 : 1);
        }));
        await h.Engine.CreateContainerAsync(new ContainerSpec { Name = "c", Image = Harness.Image, Command = ["app"] }, Harness.Token);
        await h.Engine.StartContainerAsync("c", Harness.Token);
        Assert.Equal(0, await h.ExitCodeAsync("c"));
    }
}
