using Coxswain.Engine;
using Xunit;

namespace Coxswain.Stacks.Tests.Status;

public sealed class ContainerDisplayStateTests
{
    public static TheoryData<ContainerStatus, long, bool, HealthStatus?, bool, string, StateColor> Table => new()
    {
        { ContainerStatus.Created, 0, false, null, false, "created", StateColor.Gray },
        { ContainerStatus.Running, 0, false, null, false, "running", StateColor.Green },
        { ContainerStatus.Running, 0, false, HealthStatus.Healthy, false, "healthy", StateColor.Green },
        { ContainerStatus.Running, 0, false, HealthStatus.Starting, false, "starting", StateColor.Yellow },
        { ContainerStatus.Running, 0, false, HealthStatus.Unhealthy, false, "unhealthy", StateColor.Red },
        { ContainerStatus.Exited, 0, false, null, false, "stopped", StateColor.Gray },
        { ContainerStatus.Exited, 137, false, null, true, "stopped", StateColor.Gray },
        { ContainerStatus.Exited, 143, false, null, true, "stopped", StateColor.Gray },
        { ContainerStatus.Exited, 137, true, null, false, "killed (OOM)", StateColor.Red },
        { ContainerStatus.Exited, 137, false, null, false, "killed", StateColor.Red },
        { ContainerStatus.Exited, 3, false, null, false, "crashed (exit 3)", StateColor.Red },
        { ContainerStatus.Dead, 1, false, null, false, "crashed (exit 1)", StateColor.Red },
        { ContainerStatus.Restarting, 1, false, null, false, "restarting", StateColor.Yellow },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Derive_EngineFacts_GiveTheStateOfTheDesignTable(ContainerStatus status, long exitCode, bool oom, HealthStatus? health, bool asked, string text, StateColor color)
    {
        var state = new ContainerState { Status = status, Running = status == ContainerStatus.Running, ExitCode = exitCode, OomKilled = oom };

        var display = ContainerDisplayState.Derive(state, health, asked);

        Assert.Equal(new StateDisplay(text, color), display);
    }
}
