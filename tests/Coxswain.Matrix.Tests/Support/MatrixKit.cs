using Coxswain.Engine;
using Coxswain.Engine.Testing;
using Xunit;

namespace Coxswain.Matrix.Tests;

/// <summary>A matrix on the in-memory engine and a manual clock, in a temporary root folder with a Dockerfile.</summary>
public sealed class MatrixKit : IAsyncDisposable
{
    public MatrixKit()
    {
        Engine = new InMemoryEngine(Time);
        Engine.AddLocalImage(LocalImages.BusyboxReference);
        Folder.Write("Dockerfile", "FROM cox-busybox:latest\nARG DISTRO\n");
        Folder.Write(".dockerignore", "logs\n.cache\n"); // the root is the context here: keep the run's own output out of the hash
    }

    public ManualTimeProvider Time { get; } = new();

    public InMemoryEngine Engine { get; }

    public TempFolder Folder { get; } = new();

    public RecordingSink Sink { get; } = new();

    public MatrixDefinition Definition(MatrixSettings settings, params string[] targets) => new()
    {
        Name = "demo",
        ContextDirectory = Folder.Path,
        RootDirectory = Folder.Path,
        Targets = targets.Select(Target).ToList(),
        Command = ["/bin/sh", "/workspace/test.sh"],
        Settings = settings,
    };

    public static MatrixTarget Target(string name) => new(name, "Dockerfile", new Dictionary<string, string> { ["DISTRO"] = name });

    /// <summary>What the containers of <paramref name="target"/> run.</summary>
    public void Program(string target, IContainerProgram program) =>
        Engine.Programs.When(spec => spec.Labels.TryGetValue(MatrixNames.TargetLabel, out var t) && t == target, program);

    /// <summary>Runs the matrix; <paramref name="interrupt"/> plays Ctrl+C.</summary>
    public Task<MatrixResult> RunAsync(MatrixDefinition definition, CancellationTokenSource? interrupt = null) =>
        new MatrixRunner(Engine, Time).RunAsync(
            definition,
            new MatrixReporter(Sink, definition.Settings.Verbosity, definition.Targets.Select(t => t.Name).ToList()),
            interrupt?.Token ?? TestContext.Current.CancellationToken);

    public async Task<IReadOnlyList<ContainerSummary>> ContainersAsync() =>
        await Engine.ListContainersAsync(new ContainerListOptions { Labels = [MatrixNames.ManagedLabel] }, TestContext.Current.CancellationToken);

    /// <summary>Waits (without wall-clock sleeps, bounded) until the earliest pending timer is due in exactly <paramref name="due"/>, then advances by it.</summary>
    public async Task AdvanceWhenDueAsync(TimeSpan due, Task running)
    {
        var limit = TimeProvider.System.GetTimestamp();
        while (Time.TimeUntilNextTimer != due)
        {
            if (running.IsCompleted)
            {
                await running; // Surface what ended it.
                Assert.Fail($"the run ended before a timer due in {due} was pending:\n{Sink.Text}");
            }

            Assert.True(TimeProvider.System.GetElapsedTime(limit) < TimeSpan.FromSeconds(20), $"no timer due in {due} appeared (next: {Time.TimeUntilNextTimer}):\n{Sink.Text}");
            await Task.Yield();
        }

        Time.Advance(due);
    }

    public static async Task<T> Bounded<T>(Task<T> task) => await task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        Folder.Dispose();
    }
}
