using Coxswain.Supervision;
using Xunit;

namespace Coxswain.SupervisionScenarios.Detection;

/// <summary>Which kernel OOM record belongs to which run of a container. Pure.</summary>
[Trait("Category", "Unit")]
public sealed class OomAttributionTests
{
    private const string Id = "cda765f201669c24e8e7437bff4b3740d04f8205e99c582f9942dbb5520e25de";
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Find_RecordReadDuringTheRun_BelongsToIt()
    {
        var record = Record(1, T0.AddSeconds(5));

        Assert.Same(record, OomAttribution.Find([record], Id, T0, T0.AddSeconds(5.2), new HashSet<long>()));
    }

    [Fact]
    public void Find_RecordOfTheRunBeforeARestartInPlace_DoesNotCountForTheNextRun()
    {
        // The supervisor restarted the same container (same id) 100 ms after its first OOM kill; the second run was killed by a person.
        var first = Record(1, T0.AddSeconds(1));

        Assert.Null(OomAttribution.Find([first], Id, T0.AddSeconds(1.1), T0.AddSeconds(9), new HashSet<long>()));
    }

    [Fact]
    public void Find_ConsumedRecord_NeverCountsTwice()
    {
        var estimated = Record(1, T0.AddSeconds(1)) with { Estimated = true };

        Assert.NotNull(OomAttribution.Find([estimated], Id, T0.AddSeconds(1.5), T0.AddSeconds(9), new HashSet<long>()));
        Assert.Null(OomAttribution.Find([estimated], Id, T0.AddSeconds(1.5), T0.AddSeconds(9), new HashSet<long> { 1 }));
    }

    [Fact]
    public void Find_AnotherContainersRecord_DoesNotCount() =>
        Assert.Null(OomAttribution.Find([Record(1, T0.AddSeconds(1)) with { ContainerId = new string('a', 64) }], Id, T0, T0.AddSeconds(2), new HashSet<long>()));

    private static KernelOomRecord Record(long sequence, DateTimeOffset at) => new(sequence, TimeSpan.FromSeconds(100), Id, "sh", 42) { At = at };
}
