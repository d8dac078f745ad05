using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Coxswain.Matrix;

/// <summary>Typed reads of the matrix file's nodes, each problem recorded with its line.</summary>
public static partial class MatrixFileReader
{
    private sealed class Reader(string path, List<string> problems)
    {
        public string At(YamlNode node) => $"{path}:{node.Start.Line}";

        public YamlNode? Get(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var value) && !IsNull(value) ? value : null;

        public string? String(YamlMappingNode map, string key)
        {
            if (Get(map, key) is not { } node)
            {
                return null;
            }

            if (node is YamlScalarNode scalar)
            {
                return scalar.Value;
            }

            problems.Add($"{At(node)}: '{key}' must be a single value");
            return null;
        }

        public int? Int(YamlMappingNode map, string key)
        {
            var text = String(map, key);
            if (text is null)
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            problems.Add($"{At(Get(map, key)!)}: '{key}' must be a whole number, not '{text}'");
            return null;
        }

        public bool? Bool(YamlMappingNode map, string key)
        {
            var text = String(map, key);
            if (text is null)
            {
                return null;
            }

            if (bool.TryParse(text, out var value))
            {
                return value;
            }

            problems.Add($"{At(Get(map, key)!)}: '{key}' must be true or false, not '{text}'");
            return null;
        }

        public TimeSpan? Duration(YamlMappingNode map, string key)
        {
            var text = String(map, key);
            if (text is null)
            {
                return null;
            }

            if (MatrixDuration.TryParse(text, out var value))
            {
                return value;
            }

            problems.Add($"{At(Get(map, key)!)}: '{key}' is not a duration ('{text}'): {MatrixDuration.Help}");
            return null;
        }

        public Dictionary<string, string> Map(YamlMappingNode map, string key)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            if (Get(map, key) is not { } node)
            {
                return result;
            }

            if (node is not YamlMappingNode mapping)
            {
                problems.Add($"{At(node)}: '{key}' must be a mapping of NAME: value");
                return result;
            }

            foreach (var (k, v) in mapping.Children)
            {
                if (k is YamlScalarNode { Value: { Length: > 0 } name } && v is YamlScalarNode value)
                {
                    result[name] = value.Value ?? "";
                }
                else
                {
                    problems.Add($"{At(k)}: every entry of '{key}' must be NAME: value");
                }
            }

            return result;
        }

        public List<string> List(YamlMappingNode map, string key)
        {
            if (Get(map, key) is not { } node)
            {
                return [];
            }

            if (node is YamlSequenceNode sequence && sequence.Children.All(c => c is YamlScalarNode))
            {
                return sequence.Children.Select(c => ((YamlScalarNode)c).Value ?? "").ToList();
            }

            problems.Add($"{At(node)}: '{key}' must be a list of names");
            return [];
        }

        public List<string>? Command(YamlMappingNode map)
        {
            return Get(map, "command") switch
            {
                null => null,
                YamlScalarNode { Value: { } line } => ["sh", "-c", line],
                _ => List(map, "command"),
            };
        }

        public LogLevelVariable? LogLevel(YamlMappingNode map)
        {
            if (Get(map, "log_level") is not { } node)
            {
                return null;
            }

            if (node is YamlMappingNode m && String(m, "variable") is { Length: > 0 } name)
            {
                return new LogLevelVariable(name, String(m, "value") ?? "debug");
            }

            problems.Add($"{At(node)}: 'log_level' must be a mapping with 'variable' (and 'value', default debug)");
            return null;
        }

        public List<MountDeclaration> Mounts(YamlMappingNode map) =>
            Entries(map, "mounts", "a mapping with 'source' and 'target' (and 'read_only')", m =>
                String(m, "source") is { } source && String(m, "target") is { } target
                    ? new MountDeclaration(source, target, Bool(m, "read_only") ?? false)
                    : null);

        public List<CacheDeclaration> Caches(YamlMappingNode map) =>
            Entries(map, "caches", "a mapping with 'name' and 'target'", m =>
                String(m, "name") is { } name && String(m, "target") is { } target ? new CacheDeclaration(name, target) : null);

        public List<(string, string?, IReadOnlyDictionary<string, string>)> Targets(YamlMappingNode map)
        {
            var result = new List<(string, string?, IReadOnlyDictionary<string, string>)>();
            switch (Get(map, "targets"))
            {
                case null:
                    return result;
                case YamlSequenceNode list when list.Children.All(c => c is YamlScalarNode):
                    return list.Children.Select(c => (((YamlScalarNode)c).Value ?? "", (string?)null, (IReadOnlyDictionary<string, string>)new Dictionary<string, string>())).ToList();
                case YamlMappingNode targets:
                    foreach (var (k, v) in targets.Children)
                    {
                        var name = (k as YamlScalarNode)?.Value ?? "";
                        if (IsNull(v))
                        {
                            result.Add((name, null, new Dictionary<string, string>()));
                        }
                        else if (v is YamlMappingNode own)
                        {
                            result.Add((name, String(own, "dockerfile"), Map(own, "build_args")));
                        }
                        else
                        {
                            problems.Add($"{At(v)}: target '{name}' must be empty or a mapping with 'dockerfile' and/or 'build_args'");
                        }
                    }

                    return result;
                case var node:
                    problems.Add($"{At(node)}: 'targets' must be a list of names or a mapping of name: {{dockerfile, build_args}}");
                    return result;
            }
        }

        private List<T> Entries<T>(YamlMappingNode map, string key, string shape, Func<YamlMappingNode, T?> read)
            where T : class
        {
            var result = new List<T>();
            if (Get(map, key) is not { } node)
            {
                return result;
            }

            if (node is not YamlSequenceNode sequence)
            {
                problems.Add($"{At(node)}: '{key}' must be a list, each entry {shape}");
                return result;
            }

            foreach (var child in sequence.Children)
            {
                if (child is YamlMappingNode m && read(m) is { } entry)
                {
                    result.Add(entry);
                }
                else
                {
                    problems.Add($"{At(child)}: each entry of '{key}' must be {shape}");
                }
            }

            return result;
        }

        private static bool IsNull(YamlNode node) =>
            node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" };
    }
}
