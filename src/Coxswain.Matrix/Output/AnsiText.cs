using System.Text.RegularExpressions;

namespace Coxswain.Matrix;

/// <summary>Removes terminal escape sequences from engine text (Docker's classic builder colours RUN stderr with them).
/// Used for cox's own messages only: container output is never altered.</summary>
public static partial class AnsiText
{
    /// <summary><paramref name="text"/> without CSI escape sequences, trimmed at the end.</summary>
    public static string Strip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Escape().Replace(text, "").TrimEnd();
    }

    [GeneratedRegex(@"\x1b\[[0-9;?]*[A-Za-z]")]
    private static partial Regex Escape();
}
