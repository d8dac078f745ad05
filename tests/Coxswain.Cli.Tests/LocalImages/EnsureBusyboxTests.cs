using System.Formats.Tar;
using Coxswain.Cli.Tests.Fakes;
using Coxswain.Engine;
using Xunit;

namespace Coxswain.Cli.Tests.LocalImages;

public sealed class EnsureBusyboxTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cox-ensure-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task EnsureBusyboxImageAsync_Missing_ImportsTheRootfsUnderTheReference()
    {
        var engine = new FakeEngineClient("unix:///fake/ensure-1.sock");

        var image = await Engine.LocalImages.EnsureBusyboxImageAsync(engine, "cox-busybox:test", Busybox(), Ct);

        Assert.True(image.Imported);
        Assert.Equal("cox-busybox:test", image.Reference);
        var (reference, tar) = Assert.Single(engine.Imports);
        Assert.Equal("cox-busybox:test", reference);
        Assert.Contains(TarContents.Read(new MemoryStream(tar)), e => e.Entry.Name == "bin/sh" && e.Entry.EntryType == TarEntryType.SymbolicLink);
    }

    [Fact]
    public async Task EnsureBusyboxImageAsync_Present_DoesNotImport()
    {
        var engine = new FakeEngineClient("unix:///fake/ensure-2.sock");
        engine.Images.Add(Engine.LocalImages.BusyboxReference);

        var image = await Engine.LocalImages.EnsureBusyboxImageAsync(engine, busyboxPath: Busybox(), cancellationToken: Ct);

        Assert.False(image.Imported);
        Assert.Empty(engine.Imports);
    }

    [Fact]
    public async Task EnsureBusyboxImageAsync_ConcurrentCallers_ImportOnce()
    {
        var engine = new FakeEngineClient("unix:///fake/ensure-3.sock");
        var release = new TaskCompletionSource();
        engine.ImportGate = () => release.Task;
        var busybox = Busybox();

        var callers = Enumerable.Range(0, 5).Select(_ => Engine.LocalImages.EnsureBusyboxImageAsync(engine, busyboxPath: busybox, cancellationToken: Ct)).ToArray();
        release.SetResult();
        var results = await Task.WhenAll(callers).WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Single(engine.Imports);
        Assert.Single(results, r => r.Imported);
        Assert.All(results, r => Assert.Equal(Engine.LocalImages.BusyboxReference, r.Reference));
    }

    [Fact]
    public async Task EnsureBusyboxImageAsync_NoBusyboxOnHost_ErrorNamesImageEnginePathAndPackage()
    {
        var engine = new FakeEngineClient("unix:///fake/ensure-4.sock");

        var error = await Assert.ThrowsAsync<EngineException>(
            () => Engine.LocalImages.EnsureBusyboxImageAsync(engine, busyboxPath: Path.Combine(_dir, "missing"), cancellationToken: Ct));

        Assert.StartsWith("cannot create the image cox-busybox:latest on unix:///fake/ensure-4.sock:", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install busybox-static", error.Message, StringComparison.Ordinal);
    }

    private string Busybox()
    {
        var path = Path.Combine(_dir, "busybox");
        File.WriteAllText(path, "fake");
        return path;
    }
}
