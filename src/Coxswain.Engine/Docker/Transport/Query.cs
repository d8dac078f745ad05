using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Coxswain.Engine.Docker;

/// <summary>Builds query strings: escaped values, booleans as 1/0, and the engine's <c>filters</c> parameter
/// (JSON <c>{"label":["a=b"],"name":["x"]}</c>, URL-encoded).</summary>
internal sealed class Query
{
    private readonly StringBuilder text;

    public Query(string path) => text = new StringBuilder(path);

    private bool HasParameters { get; set; }

    public Query Add(string name, string? value)
    {
        if (value is null)
        {
            return this;
        }

        text.Append(HasParameters ? '&' : '?').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        HasParameters = true;
        return this;
    }

    public Query Add(string name, bool value) => Add(name, value ? "1" : "0");

    public Query Add(string name, long? value) => value is { } v ? Add(name, v.ToString(CultureInfo.InvariantCulture)) : this;

    /// <summary>Adds <c>filters</c> when any filter has values.</summary>
    public Query Filters(Dictionary<string, List<string>>? filters) =>
        filters is { Count: > 0 } ? Add("filters", EncodeFilters(filters)) : this;

    public override string ToString() => text.ToString();

    /// <summary>The filters as the engine reads them: a JSON map from filter name to a list of values (before URL escaping).</summary>
    public static string EncodeFilters(Dictionary<string, List<string>> filters) =>
        JsonSerializer.Serialize(filters, EngineJsonContext.Default.DictionaryStringListString);

    /// <summary>Adds <paramref name="values"/> under <paramref name="name"/> to <paramref name="filters"/> (creating it) when there are any.</summary>
    public static Dictionary<string, List<string>>? WithFilter(Dictionary<string, List<string>>? filters, string name, IEnumerable<string>? values)
    {
        if (values is null)
        {
            return filters;
        }

        var list = values.ToList();
        if (list.Count == 0)
        {
            return filters;
        }

        filters ??= new Dictionary<string, List<string>>(StringComparer.Ordinal);
        filters[name] = list;
        return filters;
    }

    /// <summary>A label-only filter map, or null when there are no labels.</summary>
    public static Dictionary<string, List<string>>? Labels(IReadOnlyList<string>? labels) => WithFilter(null, "label", labels);
}
