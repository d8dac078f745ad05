using Coxswain.Compose;
using Coxswain.Engine;
using Coxswain.Stacks;

namespace Coxswain.Supervision;

/// <summary>How a <see cref="Supervisor"/> runs: clock, randomness, restart defaults, waits and hooks.</summary>
public sealed record SupervisorOptions
{
    /// <summary>Default log lines kept in a crash dossier: 20.</summary>
    public const int DefaultLogTailLines = 20;

    /// <summary>The clock of every delay, timeout and timestamp.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The jitter source of the restart trackers (seed it, or override <see cref="Random.NextDouble"/>, for exact tests).</summary>
    public Random Random { get; init; } = Random.Shared;

    /// <summary>Restart settings for services that set none in <c>x-cox.restart</c>.</summary>
    public RestartSettings Defaults { get; init; } = RestartSettings.Default;

    /// <summary>The owner epoch written into the labels of what the supervisor creates.</summary>
    public string Epoch { get; init; } = "0";

    /// <summary>Log lines kept in a crash dossier.</summary>
    public int LogTailLines { get; init; } = DefaultLogTailLines;

    /// <summary>How long one wait for a dependency (or for a restarted service before its dependents restart) may take.</summary>
    public TimeSpan WaitTimeout { get; init; } = StackExecutorOptions.DefaultWaitTimeout;

    /// <summary>Where OOM kills are read when the engine does not report them (Podman); null: the engine's <c>OOMKilled</c> and <c>oom</c> events only.</summary>
    public IOomEvidence? OomEvidence { get; init; }

    /// <summary>A <c>stop</c> event for a container Coxswain did not stop (<c>docker stop</c>) counts as a person stopping the service (default true).</summary>
    public bool ExternalStopIsUserIntent { get; init; } = true;

    /// <summary>
    /// How long before its event stream drops an engine may spend stopping containers on its way down (dockerd stops each
    /// with its stop timeout). A <c>stop</c> seen that close to the drop, or during the outage, is the engine's, not a person's;
    /// a failure then is counted but its counters reset once the service is back. Default 30 s.
    /// </summary>
    public TimeSpan EngineShutdownWindow { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How the engine's event stream reconnects; null: <see cref="EventWatcherOptions"/> defaults on <see cref="TimeProvider"/>.</summary>
    public EventWatcherOptions? EventWatcher { get; init; }

    /// <summary>The environment Compose files are interpolated with when the supervisor reloads its stacks at start; null: the process environment.</summary>
    public IReadOnlyDictionary<string, string>? ComposeEnvironment { get; init; }

    /// <summary>
    /// Loads a remembered stack when the supervisor starts; null (or a null answer) loads its Compose files. The daemon
    /// uses it for installed apps, whose project is the app's recorded revision with the app labels added.
    /// </summary>
    public Func<StackSource, ComposeProject?>? ProjectLoader { get; init; }
}
