using System.Globalization;
using System.Text;

namespace Coxswain.Stacks;

/// <summary>Builds the text of a <see cref="ContainerNotReadyException"/>: what happened, the evidence, what to do.</summary>
internal static class NotReadyMessage
{
    private const int MaxProbeOutput = 300;

    public static string Build(NotReadyFacts facts)
    {
        var who = facts.Service is { } service
            ? $"service '{service}' (container {facts.Container.Name})"
            : $"container {facts.Container.Name}";
        var state = facts.Container.State;
        var waited = Seconds(facts.Waited);
        var text = new StringBuilder();
        var first = facts.Reason switch
        {
            NotReadyReason.Exited when state.OomKilled =>
                $"{who} was killed by the kernel's OOM killer (exit code {state.ExitCode}) while Coxswain waited for it to be {facts.Condition} ({waited} in).",
            NotReadyReason.Exited =>
                $"{who} exited with code {state.ExitCode} while Coxswain waited for it to be {facts.Condition} ({waited} in).",
            NotReadyReason.TimedOut =>
                $"{who} was not {facts.Condition} after {Seconds(facts.Timeout ?? facts.Waited)}: {facts.Detail}.",
            NotReadyReason.Removed =>
                $"{who} was removed while Coxswain waited for it to be {facts.Condition} ({waited} in).",
            _ => $"{who} will not be {facts.Condition}: {facts.Detail} ({waited} in).",
        };
        text.Append(char.ToUpperInvariant(first[0])).Append(first.AsSpan(1));

        if (facts.Probes.Count > 0)
        {
            text.Append("\nLast probe results, oldest first:");
            foreach (var probe in facts.Probes)
            {
                text.Append("\n  ").Append(Probe(probe));
            }
        }

        if (facts.Reason != NotReadyReason.Removed)
        {
            if (facts.LogTail.Count > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"\nLast {facts.LogTail.Count} log lines of {facts.Container.Name}:");
                foreach (var line in facts.LogTail)
                {
                    text.Append("\n  | ").Append(line);
                }
            }
            else if (facts.Exited)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n{facts.Container.Name} printed nothing to its log.");
            }
        }

        text.Append('\n').Append(Hint(facts));
        return text.ToString();
    }

    private static string Hint(NotReadyFacts facts)
    {
        var logs = facts.Service is { } service ? $"cox logs {service}" : $"the log of {facts.Container.Name}";
        var health = facts.Probes.Count > 0;
        return facts.Reason switch
        {
            NotReadyReason.Exited when facts.Container.State.OomKilled =>
                "Raise the service's memory limit (deploy.resources.limits.memory) or lower its memory use, then run the command again.",
            NotReadyReason.Exited or NotReadyReason.ConditionFailed when !health =>
                $"Fix what the log shows ({logs} has all of it), then run the command again.",
            NotReadyReason.ConditionFailed =>
                $"The probe runs inside the container through exec: check the healthcheck command and the service ({logs}), then run the command again.",
            NotReadyReason.TimedOut when health =>
                $"Check the healthcheck command and the service ({logs}), or allow it more time.",
            NotReadyReason.TimedOut =>
                $"Check the service ({logs}), or allow it more time.",
            _ => "Something else removed it (another tool or user); run the command again.",
        };
    }

    private static string Probe(ProbeResult probe)
    {
        var output = probe.Output.ReplaceLineEndings(" | ").Trim();
        if (output.Length > MaxProbeOutput)
        {
            output = string.Concat(output.AsSpan(0, MaxProbeOutput), "...");
        }

        var outcome = probe.TimedOut ? "timed out" : $"exit {probe.ExitCode}";
        var time = probe.Start.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        return $"{time}Z {outcome} after {Seconds(probe.Duration)}: {(output.Length == 0 ? "(no output)" : output)}";
    }

    internal static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";
}
