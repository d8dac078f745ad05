using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Coxswain.Cli.Commands.Plan;

/// <summary>Source-generated JSON for <c>cox plan</c>'s documents (camelCase, indented, nulls left out).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PlanJsonReport))]
[JsonSerializable(typeof(PlanJsonDryRun))]
[JsonSerializable(typeof(IReadOnlyList<PlanJsonHistoryRun>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
internal sealed partial class PlanJson : JsonSerializerContext
{
    private static readonly PlanJson Readable = new(new JsonSerializerOptions
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
