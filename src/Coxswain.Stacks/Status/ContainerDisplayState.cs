using System.Globalization;
using Coxswain.Engine;

namespace Coxswain.Stacks;

/// <summary>The pure derivation of the state shown to people from engine facts (DESIGN.md's table, tested from one table).</summary>
public static class ContainerDisplayState
{
    /// <summary>Derives the state.</summary>
    /// <param name="state">The engine's state.</param>
    /// <param name="health">The probe's verdict, when a probe runs (null = no probe).</param>
    /// <param name="stopAsked">True when Coxswain or the user asked for the stop.</param>
    /// <returns>Text and colour.</returns>
    public static StateDisplay Derive(ContainerState state, HealthStatus? health = null, bool stopAsked = false)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Status switch
        {
            ContainerStatus.Created => new("created", StateColor.Gray),
            ContainerStatus.Running => health switch
            {
                HealthStatus.Healthy => new("healthy", StateColor.Green),
                HealthStatus.Starting => new("starting", StateColor.Yellow),
                HealthStatus.Unhealthy => new("unhealthy", StateColor.Red),
                _ => new("running", StateColor.Green),
            },
            ContainerStatus.Restarting => new("restarting", StateColor.Yellow),
            ContainerStatus.Paused => new("paused", StateColor.Yellow),
            ContainerStatus.Removing => new("removing", StateColor.Gray),
            _ => Exited(state, stopAsked),
        };
    }

    /// <summary>Maps the engine's own health text ("healthy", "unhealthy", "starting") to a <see cref="HealthStatus"/>.</summary>
    /// <param name="health">The engine's health, if any.</param>
    /// <returns>The status, or null when there is none.</returns>
    public static HealthStatus? FromEngine(HealthState? health) => health?.Status switch
    {
        "healthy" => HealthStatus.Healthy,
        "unhealthy" => HealthStatus.Unhealthy,
        "starting" => HealthStatus.Starting,
        _ => null,
    };

    private static StateDisplay Exited(ContainerState state, bool stopAsked)
    {
        if (state.ExitCode == 0 || stopAsked)
        {
            return new("stopped", StateColor.Gray);
        }

        if (state.ExitCode == 137)
        {
            return state.OomKilled ? new("killed (OOM)", StateColor.Red) : new("killed", StateColor.Red);
        }

        return new(string.Create(CultureInfo.InvariantCulture, $"crashed (exit {state.ExitCode})"), StateColor.Red);
    }
}
