using System.Text.Json.Nodes;

namespace Coxswain.Compose;

/// <summary>
/// The normalized model as a JSON tree in Compose's own field names, keys sorted, empty and default values left out.
/// <see cref="ComposeSerializer"/> prints it; <see cref="ConfigHash"/> hashes a service's container-relevant part of it.
/// </summary>
internal static partial class ModelDocument
{
    public static JsonObject Project(ComposeProject project)
    {
        var document = new JsonObject { ["name"] = project.Name };
        document["services"] = Sorted(project.Services, s => s.Name, s => Service(s, forHash: false));
        Add(document, "networks", project.Networks.Count == 0 ? null : Sorted(project.Networks, n => n.Name, Network));
        Add(document, "volumes", project.Volumes.Count == 0 ? null : Sorted(project.Volumes, v => v.Name, Volume));
        Add(document, "secrets", project.Secrets.Count == 0 ? null : Sorted(project.Secrets, s => s.Name, Secret));
        Add(document, "configs", project.Configs.Count == 0 ? null : Sorted(project.Configs, c => c.Name, Config));
        foreach (var (key, value) in project.Extensions.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            document[key] = Raw(value);
        }

        return document;
    }

    private static JsonObject Network(ProjectNetwork network)
    {
        var result = new JsonObject { ["name"] = network.ActualName };
        Add(result, "attachable", network.Attachable ? true : null);
        Add(result, "driver", network.Driver);
        Add(result, "driver_opts", Map(network.DriverOptions));
        Add(result, "external", network.External ? true : null);
        Add(result, "internal", network.Internal ? true : null);
        Add(result, "labels", Map(network.Labels));
        return SortKeys(result);
    }

    private static JsonObject Volume(ProjectVolume volume)
    {
        var result = new JsonObject { ["name"] = volume.ActualName };
        Add(result, "driver", volume.Driver);
        Add(result, "driver_opts", Map(volume.DriverOptions));
        Add(result, "external", volume.External ? true : null);
        Add(result, "labels", Map(volume.Labels));
        return SortKeys(result);
    }

    private static JsonObject Secret(ProjectSecret secret)
    {
        var result = new JsonObject();
        Add(result, "environment", secret.Environment);
        Add(result, "external", secret.External ? true : null);
        Add(result, "file", secret.File);
        Add(result, "name", secret.ActualName);
        return result;
    }

    private static JsonObject Config(ProjectConfig config)
    {
        var result = new JsonObject();
        Add(result, "content", config.Content);
        Add(result, "environment", config.Environment);
        Add(result, "external", config.External ? true : null);
        Add(result, "file", config.File);
        Add(result, "name", config.ActualName);
        return result;
    }

    private static JsonNode? Raw(ComposeNode node) => node switch
    {
        ComposeScalar { IsNull: true } => null,
        ComposeScalar scalar => JsonValue.Create(scalar.Value),
        ComposeSequence sequence => new JsonArray(sequence.Items.Select(Raw).ToArray()),
        ComposeMapping mapping => new JsonObject(mapping.Entries.Select(e => KeyValuePair.Create(e.Name, Raw(e.Value)))),
        _ => null,
    };

    private static void Add(JsonObject target, string key, JsonNode? value)
    {
        if (value is not null)
        {
            target[key] = value;
        }
    }

    private static JsonObject? Map(IReadOnlyDictionary<string, string> map) =>
        map.Count == 0 ? null : new JsonObject(map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value))));

    private static JsonArray? List(IEnumerable<string> items, bool sort = false)
    {
        var list = sort ? items.Order(StringComparer.Ordinal).ToList() : items.ToList();
        return list.Count == 0 ? null : new JsonArray(list.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());
    }

    private static JsonObject Sorted<T>(IEnumerable<T> items, Func<T, string> key, Func<T, JsonNode> value) =>
        new(items.OrderBy(key, StringComparer.Ordinal).Select(i => KeyValuePair.Create(key(i), (JsonNode?)value(i))));

    private static JsonObject SortKeys(JsonObject source)
    {
        var pairs = source.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())).ToList();
        return new JsonObject(pairs);
    }

    private static string? Duration(TimeSpan? value) => value is { } duration ? ComposeDuration.Format(duration) : null;
}
