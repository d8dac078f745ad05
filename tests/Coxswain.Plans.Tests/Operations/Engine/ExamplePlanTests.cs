using Coxswain.Engine;
using Coxswain.Plans.Operations;
using Coxswain.Plans.Yaml;

namespace Coxswain.Plans.Tests.Operations.Engine;

/// <summary>examples/plans/web.yaml against the in-memory engine (its HTTP check is answered by a fake: nothing listens on the host here).</summary>
public sealed class ExamplePlanTests
{
    /// <summary>Found from this source file's path (the tests may be built anywhere with --artifacts-path).</summary>
    private static string ExampleFile([System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(source)!);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Coxswain.slnx")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return Path.Combine(dir.FullName, "examples", "plans", "web.yaml");
    }

    private static async Task<Report> RunAsync(EngineHarness h, List<string> urls, Dictionary<string, string>? variables = null)
    {
        var registry = h.Registry.Register(HttpOperation.TypeName, a =>
        {
            var url = a.GetString("url", required: true);
            _ = a.GetString("contains");
            return new FuncOperation((_, _) =>
            {
                lock (urls)
                {
                    urls.Add(url!);
                }

                return ValueTask.FromResult(TaskResult.Unchanged);
            });
        });
        var plan = YamlPlanLoader.LoadFile(ExampleFile(), new YamlPlanLoadOptions
        {
            Operations = registry,
            Variables = variables,
            PlanOptions = new PlanOptions { Engines = h },
        }).Plan;
        return await plan.RunAsync(Drive.Token).Bounded();
    }

    [Fact]
    public async Task WebExample_FirstRunChanges_SecondRunChangesNothing()
    {
        await using var h = new EngineHarness();
        h.Engine.AddLocalImage(LocalImages.BusyboxReference);
        var urls = new List<string>();

        var first = await RunAsync(h, urls);
        var second = await RunAsync(h, urls);

        Assert.True(first.Succeeded, string.Join('\n', first.Tasks));
        Assert.Equal(["network", "web", "configure", "restart"], first.Tasks.Where(t => t.Changed).Select(t => t.Name));
        Assert.True(second.Succeeded, string.Join('\n', second.Tasks));
        Assert.DoesNotContain(second.Tasks, t => t.Changed);
        Assert.Equal(PlanTaskStatus.Skipped, second["restart"].Status);
        Assert.Equal(["http://127.0.0.1:18080/", "http://127.0.0.1:18080/"], urls);
        var page = await h.Engine.ExecAsync("cox-example-web", new ExecSpec(["cat", "/www/index.html"]), cancellationToken: Drive.Token);
        Assert.Equal("hello from a coxswain plan\n", page.Stdout);
    }

    [Fact]
    public async Task WebExample_NewVersion_ReconfiguresAndRestartsOnly()
    {
        await using var h = new EngineHarness();
        h.Engine.AddLocalImage(LocalImages.BusyboxReference);
        var urls = new List<string>();
        await RunAsync(h, urls);

        var third = await RunAsync(h, urls, new Dictionary<string, string> { ["version"] = "2", ["message"] = "hello again" });

        Assert.Equal(["configure", "restart"], third.Tasks.Where(t => t.Changed).Select(t => t.Name));
        var page = await h.Engine.ExecAsync("cox-example-web", new ExecSpec(["cat", "/www/index.html"]), cancellationToken: Drive.Token);
        Assert.Equal("hello again\n", page.Stdout);
    }
}
