using System.Globalization;
using System.Text.RegularExpressions;
using Coxswain.Engine;

namespace Coxswain.Stacks;

/// <summary>Ready when the container's log (stdout and stderr) holds at least <paramref name="times"/> lines matching <paramref name="pattern"/>.</summary>
/// <param name="pattern">The pattern a line must match.</param>
/// <param name="times">How many matching lines are needed.</param>
public sealed class LogLineMatch(Regex pattern, int times = 1) : IWaitCondition
{
    /// <inheritdoc />
    public string Description => times == 1
        ? $"showing a log line matching /{pattern}/"
        : $"showing {times.ToString(CultureInfo.InvariantCulture)} log lines matching /{pattern}/";

    /// <inheritdoc />
    public bool ExpectsExit => false;

    /// <inheritdoc />
    public async ValueTask<WaitCheck> CheckAsync(WaitContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var found = 0;
        await foreach (var line in context.Engine.GetLogsAsync(context.Container.Id, new LogOptions(), cancellationToken).ConfigureAwait(false))
        {
            if (pattern.IsMatch(line.Text) && ++found >= times)
            {
                return WaitCheck.Ready();
            }
        }

        return WaitCheck.Pending(found == 0 ? "no matching line yet" : $"{found} of {times} matching lines so far");
    }
}
