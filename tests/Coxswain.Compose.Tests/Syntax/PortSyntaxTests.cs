namespace Coxswain.Compose.Tests.Syntax;

public sealed class PortSyntaxTests
{
    [Theory]
    [InlineData("80", "||80|tcp")]
    [InlineData("80/udp", "||80|udp")]
    [InlineData("8080:80", "|8080|80|tcp")]
    [InlineData("127.0.0.1:8080:80", "127.0.0.1|8080|80|tcp")]
    [InlineData("127.0.0.1::80", "127.0.0.1||80|tcp")]
    [InlineData("[::1]:80:80", "::1|80|80|tcp")]
    [InlineData("::1:6000:6000/udp", "::1|6000|6000|udp")]
    [InlineData("8000-8010:80", "|8000-8010|80|tcp")]
    [InlineData("5054:5054/UDP", "|5054|5054|udp")]
    public void TryParse_SinglePort_GivesOneBinding(string text, string expected)
    {
        Assert.True(PortSyntax.TryParse(text, out var ports, out var error), error);
        var port = Assert.Single(ports);
        Assert.Equal(expected, $"{port.HostIp}|{port.Published}|{port.Target}|{port.Protocol}");
    }

    [Fact]
    public void TryParse_EqualRanges_ExpandsPortByPort()
    {
        Assert.True(PortSyntax.TryParse("8080-8081:80-81", out var ports, out _));
        Assert.Equal([new ServicePort(80) { Published = "8080" }, new ServicePort(81) { Published = "8081" }], ports);
    }

    [Fact]
    public void TryParse_ContainerRange_ExpandsWithoutHostPorts()
    {
        Assert.True(PortSyntax.TryParse("3000-3002", out var ports, out _));
        Assert.Equal([3000, 3001, 3002], ports.Select(p => p.Target));
        Assert.All(ports, p => Assert.Null(p.Published));
    }

    [Theory]
    [InlineData("80/icmp", "unknown protocol \"icmp\" (use tcp, udp or sctp)")]
    [InlineData("http:80", "bad host port \"http\" (expected a port 1-65535 or a range like 8080-8081)")]
    [InlineData("8080:0", "bad container port \"0\" (expected a port 1-65535 or a range like 80-81)")]
    [InlineData("8080:abc", "bad container port \"abc\" (expected a port 1-65535 or a range like 80-81)")]
    [InlineData("8080-8082:80-81", "the host range 8080-8082 and the container range 80-81 have different sizes")]
    [InlineData("70000:80", "bad host port \"70000\" (expected a port 1-65535 or a range like 8080-8081)")]
    [InlineData("[::1:80:80", "an IPv6 address in brackets must be followed by \":host:container\" (e.g. \"[::1]:8080:80\")")]
    public void TryParse_BadPort_SaysWhy(string text, string expected)
    {
        Assert.False(PortSyntax.TryParse(text, out _, out var error));
        Assert.Equal(expected, error);
    }
}
