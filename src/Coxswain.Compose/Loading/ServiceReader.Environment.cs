namespace Coxswain.Compose;

/// <summary>The environment of a service: env_file, environment, and extra_hosts.</summary>
internal sealed partial class ServiceReader
{
    private readonly List<(string Key, string? Value)> _envFileValues = [];

    private List<EnvFileReference> ReadEnvFiles(ComposeNode node, string path)
    {
        var result = new List<EnvFileReference>();
        var items = node is ComposeSequence sequence ? sequence.Items : [node];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var itemPath = FieldPath.Item(node, path, i);
            EnvFileReference? reference = item switch
            {
                ComposeScalar { IsNull: false } scalar => new EnvFileReference(_context.ResolvePath(scalar.Value)),
                ComposeMapping mapping => ReadEnvFileLong(mapping, itemPath),
                _ => null,
            };
            if (reference is null)
            {
                if (item is not ComposeMapping)
                {
                    _reader.WrongType(item, itemPath, "a file path or {path, required}");
                }

                continue;
            }

            result.Add(reference);
            LoadEnvFile(reference, item, itemPath);
        }

        return result;
    }

    private EnvFileReference? ReadEnvFileLong(ComposeMapping mapping, string path)
    {
        string? file = null;
        var required = true;
        foreach (var field in mapping.Entries)
        {
            var fieldPath = FieldPath.Child(path, field.Name);
            if (!FieldCatalog.EnvFile.Accepts(field, fieldPath, _context.Diagnostics))
            {
                continue;
            }

            switch (field.Name)
            {
                case "path":
                    file = _reader.String(field.Value, fieldPath);
                    break;
                case "required":
                    required = _reader.Bool(field.Value, fieldPath) ?? true;
                    break;
                case "format" when _reader.String(field.Value, fieldPath) is { } format && format != "raw":
                    _reader.Invalid(field.Value, fieldPath, $"unknown env file format \"{format}\" (only \"raw\" is known; leave it out for the usual KEY=value format)");
                    break;
            }
        }

        if (file is null)
        {
            _context.Diagnostics.Error(DiagnosticCodes.WrongType, mapping.Location, path, "an env_file entry needs a \"path\"");
            return null;
        }

        return new EnvFileReference(_context.ResolvePath(file), required);
    }

    private void LoadEnvFile(EnvFileReference reference, ComposeNode node, string path)
    {
        if (!File.Exists(reference.Path))
        {
            if (reference.Required)
            {
                _context.Diagnostics.Error(DiagnosticCodes.MissingFile, node.Location, path, $"env file \"{_context.Display(reference.Path)}\" does not exist; create it, or mark it \"required: false\"");
            }

            return;
        }

        string text;
        try
        {
            text = File.ReadAllText(reference.Path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _context.Diagnostics.Error(DiagnosticCodes.FileUnreadable, node.Location, path, $"cannot read env file \"{_context.Display(reference.Path)}\": {ex.Message}");
            return;
        }

        foreach (var entry in DotEnvParser.Parse(text, _context.Display(reference.Path), _context.Lookup, _context.Diagnostics))
        {
            _envFileValues.Add((entry.Key, entry.Value ?? _context.Lookup(entry.Key)));
        }
    }

    private OrderedDictionary<string, string> BuildEnvironment()
    {
        var result = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in _envFileValues)
        {
            Set(result, key, value);
        }

        foreach (var (key, value, _) in _environment)
        {
            Set(result, key, value ?? _context.Lookup(key));
        }

        return result;
    }

    private static void Set(OrderedDictionary<string, string> environment, string key, string? value)
    {
        if (value is null)
        {
            environment.Remove(key);
        }
        else
        {
            environment[key] = value;
        }
    }

    private List<string> ReadExtraHosts(ComposeNode node, string path)
    {
        var result = new List<string>();
        var items = _reader.StringList(node, path);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var separator = item.IndexOf('=', StringComparison.Ordinal);
            if (separator < 0)
            {
                separator = item.IndexOf(':', StringComparison.Ordinal);
            }

            if (separator <= 0 || separator == item.Length - 1)
            {
                var at = node is ComposeSequence sequence && i < sequence.Items.Count ? sequence.Items[i] : node;
                _reader.Invalid(at, FieldPath.Index(path, i), $"bad extra host \"{item}\" (expected \"host:ip\" or \"host=ip\")");
                continue;
            }

            var host = item[..separator];
            var address = item[(separator + 1)..].Trim('[', ']');
            var entry = $"{host}:{address}";
            if (!result.Contains(entry))
            {
                result.Add(entry);
            }
        }

        return result;
    }
}
