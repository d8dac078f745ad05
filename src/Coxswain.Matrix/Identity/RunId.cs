using System.Globalization;

namespace Coxswain.Matrix;

/// <summary>Run ids and artifact timestamps: UTC <c>YYYYMMDD-HHMMSSZ</c>, e.g. <c>20260122-093000Z</c>.</summary>
public static class RunId
{
    /// <summary>The format string.</summary>
    public const string Format = "yyyyMMdd-HHmmss'Z'";

    /// <summary>The id of a run started at <paramref name="time"/> (converted to UTC).</summary>
    public static string From(DateTimeOffset time) => time.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);
}
