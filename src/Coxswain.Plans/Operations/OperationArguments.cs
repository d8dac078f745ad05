using System.Globalization;
using Coxswain.Plans.Yaml;

namespace Coxswain.Plans.Operations;

/// <summary>
/// The keys of a YAML task that belong to its operation (everything but the task keys such as
/// depends_on), with variables already substituted. An operation factory reads them with the typed
/// getters, which record an error (with file:line:column and the task name) for a wrong value;
/// keys the factory never asks for are reported as unknown. Errors are collected, not thrown.
/// </summary>
public sealed class OperationArguments
{
    private readonly Dictionary<string, KeyValuePair<YScalar, YNode>> entries;
    private readonly HashSet<string> asked = new(StringComparer.Ordinal);
    private readonly List<PlanError> errors;
    private readonly SourceLocation location;

    internal OperationArguments(string taskName, string type, string? baseDirectory, IEnumerable<KeyValuePair<YScalar, YNode>> entries, SourceLocation location, List<PlanError> errors)
    {
        TaskName = taskName;
        Type = type;
        BaseDirectory = baseDirectory;
        this.entries = entries.ToDictionary(e => e.Key.Value, StringComparer.Ordinal);
        this.location = location;
        this.errors = errors;
    }

    /// <summary>The task's name.</summary>
    public string TaskName { get; }

    /// <summary>The operation type (the task's <c>type</c>).</summary>
    public string Type { get; }

    /// <summary>The plan file's directory (relative paths resolve against it); null for text plans.</summary>
    public string? BaseDirectory { get; }

    /// <summary>True when any error was recorded for this task's arguments.</summary>
    public bool HasErrors { get; private set; }

    /// <summary>The shape of the value at <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    public ArgumentKind KindOf(string key)
    {
        asked.Add(key);
        return entries.TryGetValue(key, out var e) ? e.Value switch
        {
            YScalar s when s.IsNull => ArgumentKind.Missing,
            YScalar => ArgumentKind.Scalar,
            YSequence => ArgumentKind.List,
            _ => ArgumentKind.Mapping,
        }
        : ArgumentKind.Missing;
    }

    /// <summary>A text value.</summary>
    /// <param name="key">The key.</param>
    /// <param name="required">Record an error when missing.</param>
    public string? GetString(string key, bool required = false)
    {
        var node = Find(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is YScalar s)
        {
            return s.Value;
        }

        Error(key, $"'{key}' must be a single value, not {node.KindName}.");
        return null;
    }

    /// <summary>A true/false value.</summary>
    /// <param name="key">The key.</param>
    public bool? GetBool(string key)
    {
        var text = GetString(key);
        if (text is null)
        {
            return null;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        Error(key, $"'{key}' must be true or false, not '{text}'.");
        return null;
    }

    /// <summary>A whole number within bounds.</summary>
    /// <param name="key">The key.</param>
    /// <param name="min">The smallest allowed.</param>
    /// <param name="max">The largest allowed.</param>
    public int? GetInt(string key, int min = int.MinValue, int max = int.MaxValue)
    {
        var text = GetString(key);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        var range = (min, max) switch
        {
            (int.MinValue, int.MaxValue) => "a whole number",
            (_, int.MaxValue) => $"a whole number ≥ {min}",
            _ => $"a whole number from {min} to {max}",
        };
        Error(key, $"'{key}' must be {range}, not '{text}'.");
        return null;
    }

    /// <summary>A duration ("500ms", "30s", "5m", "1m30s", or seconds).</summary>
    /// <param name="key">The key.</param>
    public TimeSpan? GetDuration(string key)
    {
        var text = GetString(key);
        if (text is null)
        {
            return null;
        }

        if (DurationParser.TryParse(text, out var value))
        {
            return value;
        }

        Error(key, $"'{key}' is not a duration: '{text}'; {DurationParser.Help}.");
        return null;
    }

    /// <summary>A list of texts (a single value counts as a list of one).</summary>
    /// <param name="key">The key.</param>
    /// <param name="required">Record an error when missing.</param>
    public IReadOnlyList<string>? GetStringList(string key, bool required = false)
    {
        var node = Find(key, required);
        switch (node)
        {
            case null:
                return null;
            case YScalar s:
                return [s.Value];
            case YSequence q:
                var list = new List<string>();
                foreach (var item in q.Items)
                {
                    if (item is YScalar v)
                    {
                        list.Add(v.Value);
                    }
                    else
                    {
                        AddError($"the items of '{key}' must be single values, not {item.KindName}.", item.Location);
                    }
                }

                return list;
            default:
                Error(key, $"'{key}' must be a value or a list, not {node.KindName}.");
                return null;
        }
    }

    /// <summary>A mapping of texts to texts.</summary>
    /// <param name="key">The key.</param>
    public IReadOnlyDictionary<string, string>? GetStringMap(string key)
    {
        var node = Find(key, required: false);
        if (node is null)
        {
            return null;
        }

        if (node is not YMapping m)
        {
            Error(key, $"'{key}' must be a mapping (key: value lines), not {node.KindName}.");
            return null;
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in m.Entries)
        {
            if (v is YScalar s)
            {
                map[k.Value] = s.Value;
            }
            else
            {
                AddError($"'{key}.{k.Value}' must be a single value, not {v.KindName}.", v.Location);
            }
        }

        return map;
    }

    /// <summary>Records an error about the value at <paramref name="key"/> (or the task, if the key is absent).</summary>
    /// <param name="key">The key.</param>
    /// <param name="message">What is wrong and what to do.</param>
    public void Error(string key, string message) =>
        AddError(message, entries.TryGetValue(key, out var e) ? e.Value.Location : location);

    /// <summary>Records an error about the task as a whole.</summary>
    /// <param name="message">What is wrong and what to do.</param>
    public void Error(string message) => AddError(message, location);

    internal void ReportUnknownKeys(IEnumerable<string> taskKeys)
    {
        foreach (var (key, entry) in entries)
        {
            if (asked.Contains(key))
            {
                continue;
            }

            var hint = NameSuggestion.Closest(key, asked.Concat(taskKeys)) is { } close ? $" Did you mean '{close}'?" : "";
            AddError($"unknown key '{key}' for a '{Type}' task.{hint}", entry.Key.Location);
        }
    }

    private YNode? Find(string key, bool required)
    {
        asked.Add(key);
        if (entries.TryGetValue(key, out var e) && !(e.Value is YScalar s && s.IsNull))
        {
            return e.Value;
        }

        if (required)
        {
            Error($"a '{Type}' task needs '{key}'.");
        }

        return null;
    }

    private void AddError(string message, SourceLocation at)
    {
        HasErrors = true;
        errors.Add(new PlanError(message, TaskName, at));
    }
}
