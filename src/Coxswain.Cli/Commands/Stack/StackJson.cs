using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Coxswain.Cli.Commands.Stack;

/// <summary>JSON output of the stack commands (camelCase, indented, nulls left out).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<PsRow>))]
internal sealed partial class StackJson : JsonSerializerContext
{
    private static readonly StackJson Readable = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static void Write<T>(TextWriter writer, T value)
    {
        var typeInfo = (JsonTypeInfo<T>)Readable.GetTypeInfo(typeof(T))!;
        writer.WriteLine(JsonSerializer.Serialize(value, typeInfo));
    }
}
