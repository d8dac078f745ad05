using Coxswain.Engine;
using Coxswain.Engine.Testing;
using Xunit;

namespace Coxswain.Stacks.Tests;

/// <summary>An in-memory engine on a manual clock, with helpers to start containers and step probes exactly.</summary>
internal sealed class HealthTestKit : IAsyncDisposable
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    public HealthTestKit()
    {
        Engine = new InMemoryEngine(Time);
        Engine.AddLocalImage("busybox:test");
    }

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    public ManualTimeProvider Time { get; } = new();

    public InMemoryEngine Engine { get; }

    public DateTimeOffset T0 => Time.Start;

    public async Task<string> RunContainerAsync(string name, string script = "sleep infinity", bool start = true)
    {
        var id = (await Engine.CreateContainerAsync(new ContainerSpec { Name = name, Image = "busybox:test", Command = ["sh", "-c", script] }, Token)).Id;
        if (start)
        {
            await Engine.StartContainerAsync(id, Token);
        }

        return id;
    }

    /// <summary>Scripts the probe command "check" in <paramref name="container"/> to answer from <paramref name="outcomes"/>
    /// in turn (P passes with "ok", F fails with exit 1 and "connection refused"); the last one repeats.</summary>
    public ExecScript ScriptProbe(string container, string outcomes)
    {
        var calls = 0;
        return Engine.Exec.Script(container, cmd => cmd.Contains("check"), _ =>
        {
            var outcome = outcomes[Math.Min(Interlocked.Increment(ref calls) - 1, outcomes.Length - 1)];
            return outcome == 'P' ? ScriptedExecResult.Success("ok") : ScriptedExecResult.Failure(1, "connection refused");
        });
    }

    /// <summary>The first snapshot satisfying <paramref name="predicate"/> (bounded).</summary>
    public static async Task<HealthSnapshot> WhenAsync(HealthProbeRunner runner, Func<HealthSnapshot, bool> predicate)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(Token);
        bound.CancelAfter(Bound);
        await foreach (var snapshot in runner.WatchAsync(bound.Token))
        {
            if (predicate(snapshot))
            {
                return snapshot;
            }
        }

        throw new InvalidOperationException($"the runner ended without a snapshot satisfying the condition; last: {runner.Current}");
    }

    /// <summary>Moves the clock to the next probe's due time and returns the snapshot after that probe.</summary>
    public async Task<HealthSnapshot> NextProbeAsync(HealthProbeRunner runner)
    {
        var before = await WhenAsync(runner, s => s.NextProbeAt is not null || s.Ended);
        Assert.False(before.Ended, $"the runner ended: {before.EndReason}");
        Time.SetUtcNow(before.NextProbeAt!.Value);
        return await WhenAsync(runner, s => s.ProbeCount > before.ProbeCount || s.Ended);
    }

    /// <summary>Seconds since the clock's start.</summary>
    public double At(DateTimeOffset time) => (time - T0).TotalSeconds;

    public async ValueTask DisposeAsync() => await Engine.DisposeAsync();
}
