using Coxswain.Plans;
using Coxswain.Plans.Operations;

namespace Coxswain.Stacks.PlanOperations;

/// <summary>
/// The YAML <c>wait</c> type with Coxswain's probes added: <c>for: healthy</c> is read here, every other <c>for</c> goes
/// to the <c>wait</c> factory registered before (the engine operations' one).
/// </summary>
/// <remarks>
/// Keys of <c>for: healthy</c>: <c>container</c> (required), <c>test</c> (the probe: a shell command as text, or a list
/// in Compose's forms <c>[CMD, ...]</c> / <c>[CMD-SHELL, "..."]</c>; without it the engine's own healthcheck state is
/// read, which Podman never updates without systemd), <c>interval</c> (between probes, default 1s), <c>probe_timeout</c>
/// (per probe, default 10s), <c>probe_retries</c> (failures in a row that make it unhealthy, default 3; <c>timeout</c> and
/// <c>retries</c> are the task's own keys), <c>start_period</c> (default 0) and <c>within</c> (default 60s).
/// </remarks>
public static class HealthyWaitFactory
{
    /// <summary>Time between probes unless told: 1 s (a plan waits for health, it does not monitor it).</summary>
    public static readonly TimeSpan DefaultProbeInterval = TimeSpan.FromSeconds(1);

    /// <summary>Time a probe may take unless told: 10 s.</summary>
    public static readonly TimeSpan DefaultProbeTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Builds a <c>wait</c> task's operation; errors are recorded in <paramref name="a"/>.</summary>
    /// <param name="a">The task's arguments.</param>
    /// <param name="other">Builds the other conditions (running, exit, log, port); null when none is registered.</param>
    /// <returns>The operation, or null when a key is wrong.</returns>
    public static IOperation? Create(OperationArguments a, Func<OperationArguments, IOperation?>? other)
    {
        ArgumentNullException.ThrowIfNull(a);
        var kind = a.KindOf("for") == ArgumentKind.Scalar ? a.GetString("for") : null;
        if (kind is not null and not ("healthy" or "running" or "exit" or "log" or "port"))
        {
            a.Error("for", $"'for' must be one of healthy, running, exit, log, port; not '{kind}'.");
            return null;
        }

        if (kind != "healthy")
        {
            if (other is null)
            {
                a.Error("for", $"'for: {kind}' needs the engine operations registered (EngineOperations.Register) before the stack ones.");
                return null;
            }

            return other(a);
        }

        var container = a.GetString("container", required: true);
        var within = Positive(a, "within");
        var probe = Probe(a);
        return a.HasErrors || container is null ? null : new HealthyWaitOperation(container, probe, within);
    }

    private static HealthProbe? Probe(OperationArguments a)
    {
        IReadOnlyList<string>? test = a.KindOf("test") switch
        {
            ArgumentKind.Scalar => ["CMD-SHELL", a.GetString("test")!],
            ArgumentKind.List => a.GetStringList("test"),
            _ => null,
        };
        var interval = Positive(a, "interval");
        var timeout = Positive(a, "probe_timeout");
        var retries = a.GetInt("probe_retries", 1, 1000);
        var startPeriod = a.GetDuration("start_period");
        if (test is null)
        {
            foreach (var key in (string[])["interval", "probe_timeout", "probe_retries", "start_period"])
            {
                if (a.KindOf(key) != ArgumentKind.Missing)
                {
                    a.Error(key, $"'{key}' sets Coxswain's probe, which needs 'test'; add 'test' or remove '{key}'.");
                }
            }

            return null;
        }

        if (test.Count > 0 && test[0] is not ("CMD" or "CMD-SHELL" or "NONE"))
        {
            test = ["CMD", .. test];
        }

        IReadOnlyList<string>? command;
        try
        {
            command = HealthProbe.CommandFromTest(test);
        }
        catch (ArgumentException e)
        {
            a.Error("test", e.Message + ".");
            return null;
        }

        if (command is null)
        {
            a.Error("test", "'test: [NONE]' disables the probe, so the container can never turn healthy; give a command.");
            return null;
        }

        return new HealthProbe(command)
        {
            Interval = interval ?? DefaultProbeInterval,
            Timeout = timeout ?? DefaultProbeTimeout,
            Retries = retries ?? HealthProbe.DefaultRetries,
            StartPeriod = startPeriod ?? TimeSpan.Zero,
            StartInterval = interval ?? DefaultProbeInterval,
        };
    }

    private static TimeSpan? Positive(OperationArguments a, string key)
    {
        var value = a.GetDuration(key);
        if (value is { } v && v <= TimeSpan.Zero)
        {
            a.Error(key, $"'{key}' must be a positive duration.");
            return null;
        }

        return value;
    }
}
