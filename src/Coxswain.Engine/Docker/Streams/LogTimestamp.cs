using System.Text;

namespace Coxswain.Engine.Docker;

/// <summary>The RFC 3339 timestamp and space the engine puts before each log message when asked for timestamps.</summary>
internal static class LogTimestamp
{
    /// <summary>Longest prefix looked at: "2006-01-02T15:04:05.999999999+07:00 " is 36 bytes.</summary>
    public const int MaxPrefixLength = 40;

    /// <summary>Splits "2024-05-01T10:00:00.123456789Z text" into the time and the length of the prefix (with its space).</summary>
    public static bool TrySplit(ReadOnlySpan<byte> data, out DateTimeOffset timestamp, out int prefixLength)
    {
        timestamp = default;
        prefixLength = 0;
        var window = data[..Math.Min(data.Length, MaxPrefixLength)];
        var space = window.IndexOf((byte)' ');
        if (space < 20 || !char.IsAsciiDigit((char)window[0]))
        {
            return false;
        }

        Span<char> chars = stackalloc char[space];
        Encoding.ASCII.GetChars(window[..space], chars);
        if (!EngineTime.TryParse(chars, out timestamp))
        {
            return false;
        }

        prefixLength = space + 1;
        return true;
    }
}
