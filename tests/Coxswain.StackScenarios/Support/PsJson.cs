using System.Text.Json;

namespace Coxswain.StackScenarios;

/// <summary>
/// Reads <c>cox ps --json</c> without depending on its exact layout: every JSON object with a <c>service</c> property
/// is one container, and its <c>health</c>, <c>state</c> and <c>status</c> strings say how it is.
/// </summary>
public static class PsJson
{
    private static readonly string[] StateProperties = ["health", "state", "status"];

    /// <summary>Service name → the state words of its container(s), lower case.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> StatesByService(string json)
    {
        using var document = JsonDocument.Parse(json);
        var states = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        Visit(document.RootElement, states);
        return states;
    }

    private static void Visit(JsonElement element, SortedDictionary<string, IReadOnlyList<string>> states)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                string? service = null;
                var words = new List<string>();
                foreach (var property in element.EnumerateObject())
                {
                    if (property.NameEquals("service") || property.NameEquals("Service"))
                    {
                        service = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                    }
                    else if (StateProperties.Contains(property.Name.ToLowerInvariant()) && property.Value.ValueKind == JsonValueKind.String)
                    {
                        words.Add(property.Value.GetString()!.ToLowerInvariant());
                    }

                    Visit(property.Value, states);
                }

                if (service is not null)
                {
                    var known = states.TryGetValue(service, out var earlier) ? earlier : [];
                    states[service] = [.. known, .. words];
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Visit(item, states);
                }

                break;
        }
    }
}
