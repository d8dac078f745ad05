namespace Coxswain.Compose;

/// <summary>The image side of a service: build, pull_policy, command and entrypoint.</summary>
internal sealed partial class ServiceReader
{
    private ServiceBuild? ReadBuild(ComposeNode node, string path)
    {
        if (_reader.Mapping(node, path) is not { } build)
        {
            return null;
        }

        var result = new ServiceBuild(_context.WorkingDirectory);
        foreach (var field in build.Entries)
        {
            var fieldPath = FieldPath.Child(path, field.Name);
            if (FieldCatalog.IsExtension(field.Name) || !FieldCatalog.Build.Accepts(field, fieldPath, _context.Diagnostics) || field.Value is ComposeScalar { IsNull: true })
            {
                continue;
            }

            var value = field.Value;
            result = field.Name switch
            {
                "context" => _reader.String(value, fieldPath) is { } context ? result with { Context = ResolveContext(context, value, fieldPath) } : result,
                "dockerfile" => result with { Dockerfile = _reader.String(value, fieldPath) },
                "args" => result with { Args = ResolveBareKeys(_reader.KeyValues(value, fieldPath)) },
                "target" => result with { Target = _reader.String(value, fieldPath) },
                "labels" => result with { Labels = _reader.StringMap(value, fieldPath) },
                "tags" => result with { Tags = _reader.StringList(value, fieldPath) },
                "no_cache" => result with { NoCache = _reader.Bool(value, fieldPath) ?? false },
                "pull" => result with { Pull = _reader.Bool(value, fieldPath) ?? false },
                _ => result,
            };
        }

        return result;
    }

    private string ResolveContext(string context, ComposeNode node, string path)
    {
        if (IsRemoteContext(context))
        {
            return context;
        }

        var full = _context.ResolvePath(context);
        if (!Directory.Exists(full))
        {
            _context.Diagnostics.Warning(DiagnosticCodes.MissingFile, node.Location, path, $"build context \"{_context.Display(full)}\" does not exist; the build will fail until it does");
        }

        return full;
    }

    private static bool IsRemoteContext(string context) =>
        context.Contains("://", StringComparison.Ordinal) || context.StartsWith("git@", StringComparison.Ordinal) || context.StartsWith("github.com/", StringComparison.Ordinal);

    private OrderedDictionary<string, string> ResolveBareKeys(IEnumerable<(string Key, string? Value, SourceLocation Location)> pairs)
    {
        var result = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value, _) in pairs)
        {
            if ((value ?? _context.Lookup(key)) is { } resolved)
            {
                result[key] = resolved;
            }
            else
            {
                result.Remove(key);
            }
        }

        return result;
    }

    private string? ReadPullPolicy(ComposeNode node, string path)
    {
        if (_reader.String(node, path) is not { } policy)
        {
            return null;
        }

        switch (policy)
        {
            case "always" or "never" or "missing" or "build" or "daily" or "weekly":
                return policy;
            case "if_not_present":
                return "missing";
        }

        if (policy.StartsWith("every_", StringComparison.Ordinal) && ComposeDuration.TryParse(policy[6..], out _, out _))
        {
            return policy;
        }

        string[] known = ["always", "never", "missing", "build", "daily", "weekly", "if_not_present"];
        _reader.Invalid(node, path, $"bad pull policy \"{policy}\"{DidYouMean.Hint(policy, known)} (use always, never, missing, build, daily, weekly or every_<duration>)");
        return null;
    }

    private IReadOnlyList<string>? ReadCommand(ComposeNode node, string path)
    {
        if (node is ComposeScalar scalar)
        {
            if (ShellWords.TrySplit(scalar.Value, out var words, out var error))
            {
                return words;
            }

            _reader.Invalid(node, path, $"cannot split the command into words: {error}; close the quote, or write the command as a list");
            return null;
        }

        return node is ComposeSequence ? _reader.StringList(node, path) : ReportCommandType(node, path);
    }

    private List<string>? ReportCommandType(ComposeNode node, string path)
    {
        _reader.WrongType(node, path, "a string or a list of strings");
        return null;
    }
}
