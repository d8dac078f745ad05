using Coxswain.Engine;
using Coxswain.Engine.Testing;
using Coxswain.Plans.Operations;
using Coxswain.Plans.Operations.Engine;
using Coxswain.Plans.Yaml;

namespace Coxswain.Plans.Tests.Operations.Engine;

/// <summary>Loads and runs YAML plans with the engine operations against in-memory engines (the default one, and named targets).</summary>
internal sealed class EngineHarness : IEngineResolver, IAsyncDisposable
{
    public const string BusyboxImage = "busybox:test";

    public EngineHarness(params string[] targets)
    {
        Engine = NewEngine();
        foreach (var target in targets)
        {
            Targets[target] = NewEngine();
        }
    }

    public InMemoryEngine Engine { get; }

    public Dictionary<string, InMemoryEngine> Targets { get; } = new(StringComparer.Ordinal);

    public OperationRegistry Registry { get; } = EngineOperations.Register(OperationRegistry.CreateDefault());

    public ValueTask<IEngineClient> GetEngineAsync(string? target, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IEngineClient>(target is null ? Engine : Targets.TryGetValue(target, out var e) ? e : throw new KeyNotFoundException(target));

    public Plan Load(string yaml) => YamlPlanLoader.Load(yaml, "engine.yaml", new YamlPlanLoadOptions
    {
        Operations = Registry,
        PlanOptions = new PlanOptions { Engines = this },
    }).Plan;

    /// <summary>Loads <paramref name="yaml"/> afresh and runs it (as a second `cox plan run` would).</summary>
    public Task<Report> RunAsync(string yaml) => Load(yaml).RunAsync(Drive.Token).Bounded();

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        foreach (var engine in Targets.Values)
        {
            await engine.DisposeAsync();
        }
    }

    private static InMemoryEngine NewEngine()
    {
        var engine = new InMemoryEngine();
        engine.AddLocalImage(BusyboxImage);
        return engine;
    }
}
