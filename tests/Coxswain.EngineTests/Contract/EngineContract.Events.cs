using Coxswain.Engine;
using Xunit;

namespace Coxswain.EngineTests;

/// <summary>
/// The event stream. Docker's container events for this suite's scenarios (measured on dockerd 20.10, API 1.41):
/// run to exit: create, start, die; stop: kill (15), kill (9) when the timeout passes, die, stop; kill: kill (9), die;
/// remove: destroy. Podman 4.3 differs and the tests say where: it adds init before start and cleanup after die,
/// calls removal "remove", emits no kill event on stop and its stop event is racy.
/// </summary>
public abstract partial class EngineContract
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task GetEvents_ContainerExitsByItself_CreateStartDieInOrder()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var spec = Spec("evexit", "sh", "-c", "exit 3");
        var id = await RunAsync(spec);
        await Engine.WaitContainerAsync(id, Ct).Within();

        var events = await ContainerEventsAsync(since, e => e.Action == "die");

        var expected = Kind == EngineKind.Podman
            ? new[] { "create", "init", "start", "die" } // Podman differs: it emits init between create and start.
            : ["create", "start", "die"];
        Assert.Equal(expected, Actions(events));
        Assert.All(events, e => Assert.Equal(id, e.ActorId));
        Assert.All(events, e => Assert.Equal(spec.Name, e.ActorName));
        var die = events[^1];
        Assert.Equal("3", die.Attributes["exitCode"]);
        Assert.Equal(Scope.Id, die.Attributes[TestScope.CaseLabel]);
    }

    [Fact]
    public async Task GetEvents_StopOfSleep_KillThenDieThenStop()
    {
        var id = await RunAsync(Spec("evstop", Sleeper));
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);

        await Engine.StopContainerAsync(id, TimeSpan.FromSeconds(1), Ct).Within();

        if (Kind == EngineKind.Podman)
        {
            // Podman differs: no kill events on stop, and its stop event comes before die, or not at all when the
            // container's cleanup wins the race (measured: both happen on Podman 4.3.1).
            var events = await ContainerEventsAsync(since, e => e.Action == "die");
            var actions = Actions(events).SkipWhile(a => a != "stop" && a != "die").ToArray();
            Assert.True(actions is ["die"] or ["stop", "die"], $"Podman stop events: {string.Join(", ", Actions(events))}");
            Assert.Equal("137", events[^1].Attributes["exitCode"]);
        }
        else
        {
            var events = await ContainerEventsAsync(since, e => e.Action == "stop");
            var tail = events.SkipWhile(e => e.Action != "kill").ToList();
            Assert.Equal(["kill", "kill", "die", "stop"], tail.Select(e => e.Action));
            Assert.Equal("15", tail[0].Attributes["signal"]);
            Assert.Equal("9", tail[1].Attributes["signal"]);
            Assert.Equal("137", tail[2].Attributes["exitCode"]);
        }
    }

    [Fact]
    public async Task GetEvents_Kill_KillThenDie()
    {
        var id = await RunAsync(Spec("evkill", Sleeper));
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);

        await Engine.KillContainerAsync(id, cancellationToken: Ct).Within();

        var events = (await ContainerEventsAsync(since, e => e.Action == "die")).SkipWhile(e => e.Action != "kill").ToList();
        Assert.Equal(["kill", "die"], events.Select(e => e.Action));
        Assert.Equal("137", events[1].Attributes["exitCode"]);
        if (Kind != EngineKind.Podman)
        {
            // Podman differs: its kill event carries no signal attribute.
            Assert.Equal("9", events[0].Attributes["signal"]);
        }
    }

    [Fact]
    public async Task GetEvents_Remove_Destroy()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var id = await CreateAsync(Spec("evremove", Sleeper));

        await Engine.RemoveContainerAsync(id, force: true, cancellationToken: Ct).Within();

        // Podman differs: its removal event is "remove", Docker's "destroy".
        var removal = Kind == EngineKind.Podman ? "remove" : "destroy";
        var events = await ContainerEventsAsync(since, e => e.Action == removal);
        Assert.Equal(["create", removal], Actions(events));
        Assert.Equal(id, events[^1].ActorId);
    }

    [Fact]
    public async Task GetEvents_LabelFilter_OnlyMatchingContainers()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var other = Spec("evother", "true") with { Labels = new TestScope(Fixture.RunId).Labels };
        var otherId = await RunAsync(other);
        await Engine.WaitContainerAsync(otherId, Ct).Within();
        var mine = Spec("evmine", "true") with { Labels = Scope.LabelsWith(("io.coxswain.test.role", "mine")) };
        var mineId = await RunAsync(mine);
        await Engine.WaitContainerAsync(mineId, Ct).Within();

        var byCase = await ContainerEventsAsync(since, e => e.Action == "die");
        var byTwoLabels = await Bounded.CollectAsync(
            t => Engine.GetEventsAsync(new EventFilter { Since = since, Labels = [Scope.CaseFilter, "io.coxswain.test.role=mine"] }, t),
            EventTimeout,
            e => e.Action == "die",
            "events filtered by two labels");

        Assert.All(byCase, e => Assert.Equal(mineId, e.ActorId));
        Assert.All(byTwoLabels, e => Assert.Equal(mineId, e.ActorId));
        Assert.Contains("start", byTwoLabels.Select(e => e.Action));
    }

    [Fact]
    public async Task GetEvents_ActionFilter_OnlyThoseActions()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var id = await RunShellAsync("evaction", "exit 5");
        await Engine.WaitContainerAsync(id, Ct).Within();

        var events = await Bounded.CollectAsync(
            t => Engine.GetEventsAsync(new EventFilter { Since = since, Actions = ["die"], Labels = [Scope.CaseFilter] }, t),
            EventTimeout,
            e => e.Action == "die",
            "die events");

        var die = Assert.Single(events);
        Assert.Equal("container", die.Type);
        Assert.Equal("5", die.Attributes["exitCode"]);
    }

    [Fact]
    public async Task GetEvents_SinceAndUntil_ReplaysAndEnds()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var id = await RunShellAsync("evuntil", "exit 0");
        await Engine.WaitContainerAsync(id, Ct).Within();

        // Until lies a little ahead: Podman 4.3 returns nothing at all for an until that has already passed.
        var until = DateTimeOffset.UtcNow.AddSeconds(2);
        var events = await Bounded.CollectAsync(
            t => Engine.GetEventsAsync(new EventFilter { Since = since, Until = until, Types = ["container"], Labels = [Scope.CaseFilter] }, t),
            EventTimeout,
            what: "events between since and until");

        Assert.Contains("create", events.Select(e => e.Action));
        Assert.Contains("die", events.Select(e => e.Action));
    }

    /// <summary>This test's container events from <paramref name="since"/> on, read until <paramref name="until"/> matches.</summary>
    private Task<List<EngineEvent>> ContainerEventsAsync(DateTimeOffset since, Func<EngineEvent, bool> until) =>
        Bounded.CollectAsync(
            t => Engine.GetEventsAsync(new EventFilter { Since = since, Types = ["container"], Labels = [Scope.CaseFilter] }, t),
            EventTimeout,
            until,
            "container events");

    /// <summary>The actions, without Podman's "cleanup" (emitted once or twice after die, depending on timing).</summary>
    private static string[] Actions(IEnumerable<EngineEvent> events) =>
        events.Select(e => e.Action).Where(a => a != "cleanup").ToArray();
}
