using System.Net;
using System.Net.Sockets;

namespace Coxswain.Plans.Tests.Operations.Engine;

public sealed class WaitOperationTests
{
    [Fact]
    public async Task Wait_Running_Unchanged()
    {
        await using var h = new EngineHarness();

        var report = await h.RunAsync($$"""
            tasks:
              web: { type: container, name: web, image: {{EngineHarness.BusyboxImage}}, command: "sleep 3000" }
              up: { type: wait, for: running, container: web, depends_on: web, interval: 10ms }
            """);

        Assert.Equal(PlanTaskStatus.Unchanged, report["up"].Status);
        Assert.StartsWith("container web running after", report["up"].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wait_LogLine_FoundInLog()
    {
        await using var h = new EngineHarness();

        var report = await h.RunAsync($$"""
            tasks:
              web: { type: container, name: web, image: {{EngineHarness.BusyboxImage}}, command: "echo booting; echo ready now; sleep 3000" }
              ready: { type: wait, for: log, text: ready, container: web, depends_on: web, interval: 10ms }
            """);

        Assert.Equal(PlanTaskStatus.Unchanged, report["ready"].Status);
    }

    [Fact]
    public async Task Wait_Exit_WrongCode_FailsAtOnce()
    {
        await using var h = new EngineHarness();

        var report = await h.RunAsync($$"""
            tasks:
              job: { type: container, name: job, image: {{EngineHarness.BusyboxImage}}, command: "exit 3" }
              done: { type: wait, for: exit, exit_code: 0, container: job, depends_on: job, interval: 10ms }
            """);

        Assert.Equal(PlanTaskStatus.Failed, report["done"].Status);
        Assert.Contains("gave up waiting for container job exited with code 0: exited with code 3, not 0", report["done"].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wait_LogLine_ContainerExitedWithoutIt_FailsAtOnce()
    {
        await using var h = new EngineHarness();

        var report = await h.RunAsync($$"""
            tasks:
              job: { type: container, name: job, image: {{EngineHarness.BusyboxImage}}, command: "echo nope" }
              ready: { type: wait, for: log, text: ready, container: job, depends_on: job, interval: 10ms }
            """);

        Assert.Equal(PlanTaskStatus.Failed, report["ready"].Status);
        Assert.Contains("none containing 'ready'; the container is exited (0)", report["ready"].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wait_Port_OpenListener_Unchanged_ClosedPort_TimesOut()
    {
        await using var h = new EngineHarness();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var closedPort = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();

        var report = await h.RunAsync($$"""
            on_error: continue
            tasks:
              open: { type: wait, for: port, port: {{port}} }
              shut: { type: wait, for: port, port: {{closedPort}}, within: 200ms, interval: 20ms }
            """);

        Assert.Equal(PlanTaskStatus.Unchanged, report["open"].Status);
        Assert.Equal(PlanTaskStatus.Failed, report["shut"].Status);
        Assert.Contains($"port 127.0.0.1:{closedPort} open did not happen within", report["shut"].Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Wait_UnknownFor_Rejected()
    {
        var h = new EngineHarness();
        var ex = Assert.Throws<PlanValidationException>(() => h.Load("tasks:\n  w: { type: wait, for: healthy, container: x }\n"));

        Assert.Contains(ex.Errors, e => e.Message.Contains("'for' must be one of running, exit, log, port; not 'healthy'", StringComparison.Ordinal));
    }
}
