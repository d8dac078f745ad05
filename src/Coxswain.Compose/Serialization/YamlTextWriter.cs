using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Coxswain.Compose;

/// <summary>Writes a JSON tree as block-style YAML: two-space indents, plain scalars where they read back as the same string, double quotes otherwise.</summary>
internal static partial class YamlTextWriter
{
    public static string Write(JsonObject document)
    {
        var text = new StringBuilder();
        WriteMapping(document, 0, text);
        return text.ToString();
    }

    private static void WriteMapping(JsonObject mapping, int indent, StringBuilder text)
    {
        foreach (var (key, value) in mapping)
        {
            text.Append(' ', indent).Append(Scalar(key)).Append(':');
            WriteValue(value, indent, text);
        }
    }

    private static void WriteValue(JsonNode? value, int indent, StringBuilder text)
    {
        switch (value)
        {
            case JsonObject { Count: 0 }:
                text.Append(" {}\n");
                break;
            case JsonObject child:
                text.Append('\n');
                WriteMapping(child, indent + 2, text);
                break;
            case JsonArray { Count: 0 }:
                text.Append(" []\n");
                break;
            case JsonArray array:
                text.Append('\n');
                WriteSequence(array, indent + 2, text);
                break;
            default:
                text.Append(' ').Append(Value(value)).Append('\n');
                break;
        }
    }

    private static void WriteSequence(JsonArray array, int indent, StringBuilder text)
    {
        foreach (var item in array)
        {
            text.Append(' ', indent).Append('-');
            if (item is JsonObject { Count: > 0 } mapping)
            {
                // The first key goes on the dash's line; the others line up under it.
                var first = true;
                foreach (var (key, value) in mapping)
                {
                    text.Append(first ? " " : new string(' ', indent + 2)).Append(Scalar(key)).Append(':');
                    WriteValue(value, indent + 2, text);
                    first = false;
                }
            }
            else if (item is JsonArray { Count: > 0 } nested)
            {
                text.Append('\n');
                WriteSequence(nested, indent + 2, text);
            }
            else
            {
                WriteValue(item, indent, text);
            }
        }
    }

    private static string Value(JsonNode? node)
    {
        if (node is null)
        {
            return "null";
        }

        return node.GetValueKind() switch
        {
            JsonValueKind.String => Scalar(node.GetValue<string>()),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => node.ToJsonString(),
            _ => "null",
        };
    }

    private static string Scalar(string value) => IsPlainSafe(value) ? value : Quote(value);

    private static bool IsPlainSafe(string value) =>
        value.Length > 0 && PlainPattern().IsMatch(value) && !Reserved().IsMatch(value) &&
        !value.Contains(": ", StringComparison.Ordinal) && !value.Contains(" #", StringComparison.Ordinal) && !value.EndsWith(':') && !value.EndsWith(' ');

    private static string Quote(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ when char.IsControl(c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    [GeneratedRegex(@"^[A-Za-z0-9_./~@%+$^-][A-Za-z0-9 _./~@%+$^=:,;()<>|!?*-]*$")]
    private static partial Regex PlainPattern();

    /// <summary>Strings a YAML reader would take for something else: booleans, null, numbers, and a lone dash.</summary>
    [GeneratedRegex(@"^(?:true|false|yes|no|on|off|y|n|null|~|-|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(?:inf|nan))$", RegexOptions.IgnoreCase)]
    private static partial Regex Reserved();
}
