using System.Globalization;

namespace Coxswain.Compose;

/// <summary>Reads typed values out of nodes, reporting a type or syntax error with the node's location and path instead of throwing.</summary>
internal sealed class FieldReader(DiagnosticBag diagnostics)
{
    public DiagnosticBag Diagnostics => diagnostics;

    public void WrongType(ComposeNode node, string path, string expected) =>
        diagnostics.Error(DiagnosticCodes.WrongType, node.Location, path, $"expected {expected}, found {Describe(node)}");

    public void Invalid(ComposeNode node, string path, string message) =>
        diagnostics.Error(DiagnosticCodes.InvalidValue, node.Location, path, message);

    public static string Describe(ComposeNode node) => node is ComposeScalar { IsNull: false } scalar ? $"\"{scalar.Value}\"" : node.KindName;

    /// <summary>A non-null scalar's text (numbers and booleans are read as their text).</summary>
    public string? String(ComposeNode node, string path)
    {
        if (node is ComposeScalar { IsNull: false } scalar)
        {
            return scalar.Value;
        }

        WrongType(node, path, "a string");
        return null;
    }

    /// <summary>A scalar's text, or null for a null value (no error).</summary>
    public string? OptionalString(ComposeNode node, string path) =>
        node is ComposeScalar { IsNull: true } ? null : String(node, path);

    public bool? Bool(ComposeNode node, string path)
    {
        if (node is ComposeScalar { IsNull: false } scalar)
        {
            switch (scalar.Value.ToLowerInvariant())
            {
                case "true":
                    return true;
                case "false":
                    return false;
            }
        }

        WrongType(node, path, "true or false");
        return null;
    }

    public long? Long(ComposeNode node, string path, long min = long.MinValue, long max = long.MaxValue)
    {
        if (node is ComposeScalar { IsNull: false } scalar && long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            if (value < min || value > max)
            {
                Invalid(node, path, $"{value} is out of range ({RangeText(min, max)})");
                return null;
            }

            return value;
        }

        WrongType(node, path, "an integer");
        return null;
    }

    public int? Int(ComposeNode node, string path, int min = int.MinValue, int max = int.MaxValue) =>
        Long(node, path, min, max) is { } value ? (int)value : null;

    public decimal? Decimal(ComposeNode node, string path, decimal min = 0)
    {
        if (node is ComposeScalar { IsNull: false } scalar && decimal.TryParse(scalar.Value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            if (value < min)
            {
                Invalid(node, path, $"{value} is below the minimum {min}");
                return null;
            }

            return value;
        }

        WrongType(node, path, "a number");
        return null;
    }

    public TimeSpan? Duration(ComposeNode node, string path)
    {
        if (String(node, path) is not { } text)
        {
            return null;
        }

        if (ComposeDuration.TryParse(text, out var value, out var error))
        {
            return value;
        }

        Invalid(node, path, $"bad duration \"{text}\": {error}");
        return null;
    }

    public long? Bytes(ComposeNode node, string path)
    {
        if (String(node, path) is not { } text)
        {
            return null;
        }

        if (ByteSize.TryParse(text, out var value, out var error))
        {
            return value;
        }

        Invalid(node, path, $"bad size \"{text}\": {error}");
        return null;
    }

    /// <summary>An octal file mode: <c>0440</c>, <c>440</c> or <c>0o440</c>.</summary>
    public int? OctalMode(ComposeNode node, string path)
    {
        if (String(node, path) is not { } text)
        {
            return null;
        }

        var digits = text.StartsWith("0o", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        try
        {
            if (digits.Length is > 0 and <= 5 && digits.All(c => c is >= '0' and <= '7'))
            {
                return Convert.ToInt32(digits, 8);
            }
        }
        catch (FormatException)
        {
        }

        Invalid(node, path, $"bad file mode \"{text}\": expected octal digits like 0440 or 1777");
        return null;
    }

    public ComposeMapping? Mapping(ComposeNode node, string path)
    {
        if (node is ComposeMapping mapping)
        {
            return mapping;
        }

        WrongType(node, path, "a mapping");
        return null;
    }

    /// <summary>A list of strings; a null value is an empty list.</summary>
    public List<string> StringList(ComposeNode node, string path)
    {
        var result = new List<string>();
        switch (node)
        {
            case ComposeSequence sequence:
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    if (String(sequence.Items[i], FieldPath.Index(path, i)) is { } item)
                    {
                        result.Add(item);
                    }
                }

                break;
            case ComposeScalar { IsNull: true }:
                break;
            default:
                WrongType(node, path, "a list of strings");
                break;
        }

        return result;
    }

    /// <summary>A string or a list of strings.</summary>
    public List<string> StringOrList(ComposeNode node, string path) =>
        node is ComposeScalar { IsNull: false } scalar ? [scalar.Value] : StringList(node, path);

    /// <summary>
    /// A mapping of strings (values may be null: a bare key), or a list of <c>KEY=VALUE</c> / bare <c>KEY</c>.
    /// Numbers and booleans are kept as written.
    /// </summary>
    public List<(string Key, string? Value, SourceLocation Location)> KeyValues(ComposeNode node, string path, char separator = '=')
    {
        var result = new List<(string, string?, SourceLocation)>();
        switch (node)
        {
            case ComposeMapping mapping:
                foreach (var entry in mapping.Entries)
                {
                    var entryPath = FieldPath.Child(path, entry.Name);
                    switch (entry.Value)
                    {
                        case ComposeScalar { IsNull: true }:
                            result.Add((entry.Name, null, entry.Key.Location));
                            break;
                        case ComposeScalar scalar:
                            result.Add((entry.Name, scalar.Value, entry.Key.Location));
                            break;
                        default:
                            WrongType(entry.Value, entryPath, "a string, number or boolean");
                            break;
                    }
                }

                break;
            case ComposeSequence sequence:
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    if (String(sequence.Items[i], FieldPath.Index(path, i)) is not { } item)
                    {
                        continue;
                    }

                    var at = item.IndexOf(separator, StringComparison.Ordinal);
                    result.Add(at < 0 ? (item, null, sequence.Items[i].Location) : (item[..at], item[(at + 1)..], sequence.Items[i].Location));
                }

                break;
            case ComposeScalar { IsNull: true }:
                break;
            default:
                WrongType(node, path, $"a mapping or a list of \"KEY{separator}VALUE\"");
                break;
        }

        return result;
    }

    /// <summary>An ordered map of strings; a bare key gets <paramref name="bareValue"/> (null leaves it out).</summary>
    public OrderedDictionary<string, string> StringMap(ComposeNode node, string path, string? bareValue = "")
    {
        var result = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value, _) in KeyValues(node, path))
        {
            if ((value ?? bareValue) is { } v)
            {
                result[key] = v;
            }
        }

        return result;
    }

    private static string RangeText(long min, long max) =>
        max == long.MaxValue || max == int.MaxValue ? $"at least {min}" : $"{min} to {max}";
}
