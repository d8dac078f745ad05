using System.Text.RegularExpressions;
using Coxswain.Compose;

namespace Coxswain.Stacks;

/// <summary>The wait conditions by name, and the one a Compose <c>depends_on</c> condition asks for.</summary>
public static class WaitFor
{
    /// <summary>The container runs.</summary>
    public static IWaitCondition Running() => new ContainerRunning();

    /// <summary>The container is healthy by Coxswain's probe in <paramref name="monitor"/> (or the engine's healthcheck when it has none there).</summary>
    public static IWaitCondition Healthy(HealthMonitor? monitor, bool failWhenUnhealthy = true) => new ContainerHealthy(monitor, failWhenUnhealthy);

    /// <summary>The container exited 0; another exit code fails the wait.</summary>
    public static IWaitCondition CompletedSuccessfully() => new ContainerCompleted();

    /// <summary>A TCP connection to <paramref name="port"/> on <paramref name="host"/> succeeds.</summary>
    public static IWaitCondition PortOpen(int port, string host = "127.0.0.1") => new PortOpen(port, host);

    /// <summary>The log holds <paramref name="times"/> lines matching <paramref name="pattern"/>.</summary>
    public static IWaitCondition LogLine(Regex pattern, int times = 1) => new LogLineMatch(pattern, times);

    /// <summary>The condition for a <c>depends_on</c> entry: started → running, healthy → healthy, completed → exited 0.</summary>
    public static IWaitCondition Dependency(DependencyCondition condition, HealthMonitor? monitor) => condition switch
    {
        DependencyCondition.ServiceHealthy => Healthy(monitor),
        DependencyCondition.ServiceCompletedSuccessfully => CompletedSuccessfully(),
        _ => Running(),
    };
}
