using Coxswain.Engine;

namespace Coxswain.Stacks;

/// <summary>Reads the last lines of a container's log, for error messages.</summary>
public static class LogTail
{
    /// <summary>Reads up to <paramref name="lines"/> last lines; an empty list when the log cannot be read.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="container">The container.</param>
    /// <param name="lines">How many.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The lines.</returns>
    public static async Task<IReadOnlyList<string>> ReadAsync(IEngineClient engine, string container, int lines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var result = new List<string>();
        try
        {
            await foreach (var line in engine.GetLogsAsync(container, new LogOptions { Tail = lines }, cancellationToken).ConfigureAwait(false))
            {
                result.Add(line.Text);
            }
        }
        catch (EngineException)
        {
            // the tail is a courtesy: an error message without it is still an error message
        }

        return result.Count > lines ? result[^lines..] : result;
    }

    /// <summary>Formats a tail for a message: "\nlast N log lines:\n  ...".</summary>
    /// <param name="container">The container name.</param>
    /// <param name="lines">The lines.</param>
    /// <returns>The text, empty without lines.</returns>
    public static string Format(string container, IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return lines.Count == 0 ? $" ({container} logged nothing)" : $"\nlast {lines.Count} log lines of {container}:\n  " + string.Join("\n  ", lines);
    }
}
