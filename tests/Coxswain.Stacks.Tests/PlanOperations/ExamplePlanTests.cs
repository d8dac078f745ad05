using Coxswain.Engine;
using Coxswain.Engine.Testing;
using Coxswain.Plans;
using Coxswain.Plans.Operations;
using Coxswain.Plans.Operations.Engine;
using Coxswain.Plans.Yaml;
using Coxswain.Stacks.PlanOperations;
using Xunit;

namespace Coxswain.Stacks.Tests.PlanOperations;

/// <summary>
/// examples/plans/web.yaml with the operations `cox plan` registers, against the in-memory engine: its HTTP check and
/// its health probe (wget inside the container) are answered by fakes, since nothing listens on the host here.
/// </summary>
public sealed class ExamplePlanTests : IEngineResolver, IAsyncDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private readonly InMemoryEngine engine = new();

    public ExamplePlanTests()
    {
        engine.AddLocalImage(LocalImages.BusyboxReference);
        engine.Exec.Script("cox-example-web", command => command.Any(c => c.Contains("wget", StringComparison.Ordinal)), ScriptedExecResult.Success(""));
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask<IEngineClient> GetEngineAsync(string? target, CancellationToken cancellationToken) => ValueTask.FromResult<IEngineClient>(engine);

    public ValueTask DisposeAsync() => engine.DisposeAsync();

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

    private async Task<Report> RunAsync(List<string> urls, Dictionary<string, string>? variables = null)
    {
        var registry = StackPlanOperations.Register(EngineOperations.Register(OperationRegistry.CreateDefault())).Register(HttpOperation.TypeName, a =>
        {
            var url = a.GetString("url", required: true);
            _ = a.GetString("contains");
            return new RecordedHttpCheck(url!, urls);
        });
        var plan = YamlPlanLoader.LoadFile(ExampleFile(), new YamlPlanLoadOptions
        {
            Operations = registry,
            Variables = variables,
            PlanOptions = new PlanOptions { Engines = this },
        }).Plan;
        return await plan.RunAsync(Token).WaitAsync(Bound, Token);
    }

    [Fact]
    public async Task WebExample_FirstRunChanges_SecondRunChangesNothing()
    {
        var urls = new List<string>();

        var first = await RunAsync(urls);
        var second = await RunAsync(urls);

        Assert.True(first.Succeeded, string.Join('\n', first.Tasks));
        Assert.Equal(["network", "web", "configure", "restart"], first.Tasks.Where(t => t.Changed).Select(t => t.Name));
        Assert.True(second.Succeeded, string.Join('\n', second.Tasks));
        Assert.DoesNotContain(second.Tasks, t => t.Changed);
        Assert.Equal(PlanTaskStatus.Skipped, second["restart"].Status);
        Assert.Equal(["http://127.0.0.1:18080/", "http://127.0.0.1:18080/"], urls);
        var page = await engine.ExecAsync("cox-example-web", new ExecSpec(["cat", "/www/index.html"]), cancellationToken: Token);
        Assert.Equal("hello from a coxswain plan\n", page.Stdout);
    }

    [Fact]
    public async Task WebExample_NewVersion_ReconfiguresAndRestartsOnly()
    {
        var urls = new List<string>();
        await RunAsync(urls);

        var third = await RunAsync(urls, new Dictionary<string, string> { ["version"] = "2", ["message"] = "hello again" });

        Assert.Equal(["configure", "restart"], third.Tasks.Where(t => t.Changed).Select(t => t.Name));
        var page = await engine.ExecAsync("cox-example-web", new ExecSpec(["cat", "/www/index.html"]), cancellationToken: Token);
        Assert.Equal("hello again\n", page.Stdout);
    }

    /// <summary>Stands in for the http check: records the URL and answers Unchanged.</summary>
    private sealed class RecordedHttpCheck(string url, List<string> urls) : IOperation
    {
        public string Kind => HttpOperation.TypeName;

        public string Description => "GET " + url;

        public string Fingerprint => "http " + url;

        public ValueTask<TaskResult> ExecuteAsync(TaskContext context, CancellationToken cancellationToken)
        {
            lock (urls)
            {
                urls.Add(url);
            }

            return ValueTask.FromResult(TaskResult.Unchanged);
        }

        public ValueTask<CheckResult> CheckAsync(TaskContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(CheckResult.NoChange("a check changes nothing"));
    }
}
