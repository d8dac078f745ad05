using System.Globalization;
using System.Text.RegularExpressions;

namespace Coxswain.Compose;

/// <summary>
/// Compose byte sizes: a plain number of bytes, or a number with a unit <c>b</c>, <c>k</c>, <c>m</c>, <c>g</c>, <c>t</c>, <c>p</c>
/// (binary multiples, case-insensitive, optional <c>i</c>/<c>b</c> suffix: <c>512m</c>, <c>1g</c>, <c>1.5GiB</c>, <c>100k</c>, <c>1024b</c>).
/// </summary>
public static partial class ByteSize
{
    /// <summary>Parses a byte size.</summary>
    /// <param name="text">The text.</param>
    /// <param name="bytes">The size in bytes.</param>
    /// <param name="error">Why it is not a size, when it is not.</param>
    /// <returns>True when it is a size.</returns>
    public static bool TryParse(string text, out long bytes, out string? error)
    {
        bytes = 0;
        error = null;
        var match = SizePattern().Match(text.Trim());
        if (!match.Success)
        {
            error = "expected a number of bytes or a number with a unit, like 512m, 1g, 100k or 1024b";
            return false;
        }

        var number = decimal.Parse(match.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var multiplier = char.ToLowerInvariant(match.Groups[2].Success ? match.Groups[2].Value[0] : 'b') switch
        {
            'k' => 1L << 10,
            'm' => 1L << 20,
            'g' => 1L << 30,
            't' => 1L << 40,
            'p' => 1L << 50,
            _ => 1L,
        };
        var total = number * multiplier;
        if (total > long.MaxValue)
        {
            error = "size is too large";
            return false;
        }

        bytes = (long)total;
        return true;
    }

    /// <summary>Parses a byte size or throws.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The size in bytes.</returns>
    /// <exception cref="FormatException">When the text is not a size.</exception>
    public static long Parse(string text) =>
        TryParse(text, out var bytes, out var error) ? bytes : throw new FormatException($"bad size \"{text}\": {error}");

    [GeneratedRegex(@"^(\d+(?:\.\d+)?) ?(?:([kKmMgGtTpP])[iI]?)?[bB]?$")]
    private static partial Regex SizePattern();
}
