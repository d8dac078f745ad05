using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Coxswain.Cli.Doctor;
using Coxswain.Cli.Engines;

namespace Coxswain.Cli.Output;

/// <summary>Source-generated JSON for every <c>--json</c> output (camelCase, indented, nulls left out): fast at start-up.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(DoctorReport))]
[JsonSerializable(typeof(UnavailableReport))]
internal sealed partial class CliJson : JsonSerializerContext
{
    /// <summary>The generated metadata bound to options whose encoder leaves quotes, apostrophes and '+' readable (output is not HTML).</summary>
    private static readonly CliJson Readable = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Writes <paramref name="value"/> as one JSON document and a newline.</summary>
    public static void Write<T>(TextWriter writer, T value)
    {
        var typeInfo = (JsonTypeInfo<T>)Readable.GetTypeInfo(typeof(T))!;
        writer.WriteLine(JsonSerializer.Serialize(value, typeInfo));
    }
}
