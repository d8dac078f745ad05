using Coxswain.Engine.Docker;
using Xunit;

namespace Coxswain.Engine.Tests.Docker;

public sealed class EventMatcherTests
{
    private static readonly EngineEvent Die = new("container", "die", "abcdef123456", DateTimeOffset.UnixEpoch)
    {
        Attributes = new Dictionary<string, string> { ["name"] = "web-1", ["io.coxswain.project"] = "shop", ["exitCode"] = "1" },
    };

    [Theory]
    [InlineData("io.coxswain.project=shop", true)]
    [InlineData("io.coxswain.project", true)]
    [InlineData("io.coxswain.project=other", false)]
    [InlineData("missing", false)]
    public void LabelFilter_OneFilter_MatchesPresenceOrValue(string filter, bool expected)
    {
        Assert.Equal(expected, LabelFilter.Matches(Die.Attributes, [filter]));
    }

    [Fact]
    public void LabelFilter_SeveralFilters_AllMustMatch()
    {
        Assert.True(LabelFilter.Matches(Die.Attributes, ["io.coxswain.project=shop", "name=web-1"]));
        Assert.False(LabelFilter.Matches(Die.Attributes, ["io.coxswain.project=shop", "io.coxswain.slot=2"]));
        Assert.True(LabelFilter.Matches(Die.Attributes, []));
        Assert.True(LabelFilter.Matches(Die.Attributes, null));
    }

    [Fact]
    public void Matches_EmptyFilter_MatchesEverything()
    {
        Assert.True(EventMatcher.Matches(Die, new EventFilter()));
    }

    [Theory]
    [InlineData("container", "die", true)]
    [InlineData("network", "die", false)]
    [InlineData("container", "start", false)]
    public void Matches_TypeAndAction(string type, string action, bool expected)
    {
        Assert.Equal(expected, EventMatcher.Matches(Die, new EventFilter { Types = [type], Actions = [action] }));
    }

    [Fact]
    public void Matches_ActionWithDetail_MatchesItsPrefixLikeDocker()
    {
        var exec = Die with { Action = "exec_start: sh -c true" };

        Assert.True(EventMatcher.Matches(exec, new EventFilter { Actions = ["exec_start"] }));
        Assert.False(EventMatcher.Matches(exec, new EventFilter { Actions = ["exec"] }));
    }

    [Theory]
    [InlineData("abcdef123456", true)]
    [InlineData("abcdef", true)]
    [InlineData("web-1", true)]
    [InlineData("web", false)]
    [InlineData("ab", false)]
    public void Matches_ContainerByIdPrefixOrName(string container, bool expected)
    {
        Assert.Equal(expected, EventMatcher.Matches(Die, new EventFilter { Containers = [container] }));
    }

    [Fact]
    public void Matches_Labels_AllMustMatch()
    {
        Assert.True(EventMatcher.Matches(Die, new EventFilter { Labels = ["io.coxswain.project=shop", "exitCode"] }));
        Assert.False(EventMatcher.Matches(Die, new EventFilter { Labels = ["io.coxswain.project=shop", "io.coxswain.managed"] }));
    }
}
