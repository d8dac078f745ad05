using Coxswain.Engine.Docker;
using Xunit;

namespace Coxswain.Engine.Tests.Docker;

public sealed class QueryTests
{
    [Fact]
    public void EncodeFilters_LabelsAndNames_AreJsonMapOfLists()
    {
        var filters = Query.WithFilter(Query.Labels(["a=b", "c"]), "name", ["x"])!;

        Assert.Equal("{\"label\":[\"a=b\",\"c\"],\"name\":[\"x\"]}", Query.EncodeFilters(filters));
    }

    [Fact]
    public void Filters_AreUrlEncodedIntoTheQuery()
    {
        var query = new Query("/containers/json").Add("all", true).Filters(Query.Labels(["io.coxswain.project=shop"]));

        Assert.Equal("/containers/json?all=1&filters=%7B%22label%22%3A%5B%22io.coxswain.project%3Dshop%22%5D%7D", query.ToString());
    }

    [Fact]
    public void Filters_NoneGiven_LeavesParameterOut()
    {
        Assert.Equal("/networks", new Query("/networks").Filters(Query.Labels([])).ToString());
        Assert.Equal("/networks", new Query("/networks").Filters(Query.Labels(null)).ToString());
    }

    [Fact]
    public void Add_NullValues_AreLeftOut_AndValuesEscaped()
    {
        var query = new Query("/images/create").Add("fromImage", "registry:5000/app").Add("tag", (string?)null).Add("t", 5L).Add("n", (long?)null);

        Assert.Equal("/images/create?fromImage=registry%3A5000%2Fapp&t=5", query.ToString());
    }

    [Theory]
    [InlineData("busybox", "busybox", "latest")]
    [InlineData("busybox:1.36", "busybox", "1.36")]
    [InlineData("localhost:5000/team/app", "localhost:5000/team/app", "latest")]
    [InlineData("localhost:5000/team/app:v2", "localhost:5000/team/app", "v2")]
    [InlineData("app@sha256:abcd", "app@sha256:abcd", null)]
    public void ImageReference_Parse_SplitsRepositoryAndTag(string reference, string repository, string? tag)
    {
        Assert.Equal(new ImageReference(repository, tag), ImageReference.Parse(reference));
    }

    [Fact]
    public void ImageReference_EscapeForPath_KeepsSlashesAndColons()
    {
        Assert.Equal("localhost:5000/team/app:v%202", ImageReference.EscapeForPath("localhost:5000/team/app:v 2"));
    }
}
