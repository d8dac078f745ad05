using Coxswain.Engine;

namespace Coxswain.Plans.Operations.Engine;

/// <summary>Waits until a container's log (stdout or stderr) has a line containing some text; fails when the container exited without it.</summary>
/// <param name="container">The container's name or id.</param>
/// <param name="text">The text a line must contain.</param>
public sealed class LogLineCondition(string container, string text) : WaitCondition
{
    /// <inheritdoc />
    public override string Description => $"a log line of {container} containing '{text}'";

    /// <inheritdoc />
    public override async Task<WaitCheck> CheckAsync(IEngineClient? engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var info = await EngineLookup.FindContainerAsync(engine, container, cancellationToken).ConfigureAwait(false);
        if (info is null)
        {
            return WaitCheck.NotYet("the container does not exist");
        }

        var lines = 0;
        await foreach (var line in engine.GetLogsAsync(info.Id, new LogOptions(), cancellationToken).ConfigureAwait(false))
        {
            lines++;
            if (line.Text.Contains(text, StringComparison.Ordinal))
            {
                return WaitCheck.Met(line.Text);
            }
        }

        var seen = $"{lines} log lines, none containing '{text}'; the container is {StateText(info)}";
        return info.State is { Running: false, StartedAt: not null } ? WaitCheck.Hopeless(seen) : WaitCheck.NotYet(seen);
    }
}
