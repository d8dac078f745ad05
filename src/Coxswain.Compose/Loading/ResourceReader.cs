namespace Coxswain.Compose;

/// <summary>Reads the top-level networks, volumes, secrets and configs.</summary>
internal sealed class ResourceReader(LoadContext context, string projectName)
{
    private readonly FieldReader _reader = context.Reader;

    public List<ProjectNetwork> Networks(ComposeNode node) => Read(node, "networks", FieldCatalog.Network, (entry, fields, path) =>
    {
        var network = new ProjectNetwork(entry.Name, $"{projectName}_{entry.Name}") { Location = entry.Key.Location };
        string? name = null;
        foreach (var field in fields)
        {
            var fieldPath = FieldPath.Child(path, field.Name);
            network = field.Name switch
            {
                "name" => Assign(out name, _reader.String(field.Value, fieldPath), network),
                "driver" => network with { Driver = _reader.String(field.Value, fieldPath) },
                "driver_opts" => network with { DriverOptions = _reader.StringMap(field.Value, fieldPath) },
                "labels" => network with { Labels = _reader.StringMap(field.Value, fieldPath) },
                "external" => network with { External = ReadExternal(field.Value, fieldPath, ref name) },
                "internal" => network with { Internal = _reader.Bool(field.Value, fieldPath) ?? false },
                "attachable" => network with { Attachable = _reader.Bool(field.Value, fieldPath) ?? false },
                _ => network,
            };
        }

        return network with { ActualName = name ?? (network.External ? entry.Name : network.ActualName) };
    });

    public List<ProjectVolume> Volumes(ComposeNode node) => Read(node, "volumes", FieldCatalog.Volume, (entry, fields, path) =>
    {
        var volume = new ProjectVolume(entry.Name, $"{projectName}_{entry.Name}") { Location = entry.Key.Location };
        string? name = null;
        foreach (var field in fields)
        {
            var fieldPath = FieldPath.Child(path, field.Name);
            volume = field.Name switch
            {
                "name" => Assign(out name, _reader.String(field.Value, fieldPath), volume),
                "driver" => volume with { Driver = _reader.String(field.Value, fieldPath) },
                "driver_opts" => volume with { DriverOptions = _reader.StringMap(field.Value, fieldPath) },
                "labels" => volume with { Labels = _reader.StringMap(field.Value, fieldPath) },
                "external" => volume with { External = ReadExternal(field.Value, fieldPath, ref name) },
                _ => volume,
            };
        }

        return volume with { ActualName = name ?? (volume.External ? entry.Name : volume.ActualName) };
    });

    public List<ProjectSecret> Secrets(ComposeNode node) => Read(node, "secrets", FieldCatalog.Secret, (entry, fields, path) =>
    {
        var secret = new ProjectSecret(entry.Name) { Location = entry.Key.Location };
        string? name = null;
        foreach (var field in fields)
        {
            var fieldPath = FieldPath.Child(path, field.Name);
            secret = field.Name switch
            {
                "name" => secret with { ActualName = _reader.String(field.Value, fieldPath) },
                "file" => secret with { File = ReadSourceFile(field.Value, fieldPath, "secret") },
                "environment" => secret with { Environment = ReadSourceVariable(field.Value, fieldPath, "secret") },
                "external" => secret with { External = ReadExternal(field.Value, fieldPath, ref name) },
                _ => secret,
            };
        }

        CheckSource(entry, path, "secret", secret.External, secret.File, secret.Environment, null);
        return secret with { ActualName = secret.ActualName ?? name };
    });

    public List<ProjectConfig> Configs(ComposeNode node) => Read(node, "configs", FieldCatalog.Config, (entry, fields, path) =>
    {
        var config = new ProjectConfig(entry.Name) { Location = entry.Key.Location };
        string? name = null;
        foreach (var field in fields)
        {
            var fieldPath = FieldPath.Child(path, field.Name);
            config = field.Name switch
            {
                "name" => config with { ActualName = _reader.String(field.Value, fieldPath) },
                "file" => config with { File = ReadSourceFile(field.Value, fieldPath, "config") },
                "environment" => config with { Environment = ReadSourceVariable(field.Value, fieldPath, "config") },
                "content" => config with { Content = _reader.String(field.Value, fieldPath) },
                "external" => config with { External = ReadExternal(field.Value, fieldPath, ref name) },
                _ => config,
            };
        }

        CheckSource(entry, path, "config", config.External, config.File, config.Environment, config.Content);
        return config with { ActualName = config.ActualName ?? name };
    });

    private List<T> Read<T>(ComposeNode node, string section, FieldCatalog catalog, Func<ComposeEntry, List<ComposeEntry>, string, T> build)
    {
        var result = new List<T>();
        if (node is ComposeScalar { IsNull: true } || _reader.Mapping(node, section) is not { } mapping)
        {
            return result;
        }

        foreach (var entry in mapping.Entries)
        {
            var path = FieldPath.Child(section, entry.Name);
            if (FieldCatalog.IsExtension(entry.Name))
            {
                continue;
            }

            var fields = new List<ComposeEntry>();
            if (entry.Value is ComposeMapping definition)
            {
                fields.AddRange(definition.Entries.Where(f =>
                    catalog.Accepts(f, FieldPath.Child(path, f.Name), context.Diagnostics) && f.Value is not ComposeScalar { IsNull: true }));
            }
            else if (entry.Value is not ComposeScalar { IsNull: true })
            {
                _reader.WrongType(entry.Value, path, "a mapping or nothing");
            }

            result.Add(build(entry, fields, path));
        }

        return result;
    }

    private static T Assign<T>(out string? target, string? value, T result)
    {
        target = value;
        return result;
    }

    /// <summary><c>external: true</c>, or the legacy <c>external: {name: x}</c>.</summary>
    private bool ReadExternal(ComposeNode node, string path, ref string? name)
    {
        if (node is ComposeMapping legacy)
        {
            if (legacy.Get("name") is { } legacyName)
            {
                name ??= _reader.String(legacyName, FieldPath.Child(path, "name"));
            }

            return true;
        }

        return _reader.Bool(node, path) ?? false;
    }

    private string? ReadSourceFile(ComposeNode node, string path, string kind)
    {
        if (_reader.String(node, path) is not { } file)
        {
            return null;
        }

        var full = context.ResolvePath(file);
        if (!File.Exists(full) && !Directory.Exists(full))
        {
            context.Diagnostics.Error(DiagnosticCodes.MissingFile, node.Location, path, $"{kind} file \"{context.Display(full)}\" does not exist; create it or fix the path");
        }

        return full;
    }

    private string? ReadSourceVariable(ComposeNode node, string path, string kind)
    {
        if (_reader.String(node, path) is not { } variable)
        {
            return null;
        }

        if (context.Lookup(variable) is null)
        {
            context.Diagnostics.Warning(DiagnosticCodes.UnsetVariable, node.Location, path, $"the {kind} comes from variable \"{variable}\", which is not set; set it in the environment or in .env");
        }

        return variable;
    }

    private void CheckSource(ComposeEntry entry, string path, string kind, bool external, string? file, string? environment, string? content)
    {
        var sources = (external ? 1 : 0) + (file is null ? 0 : 1) + (environment is null ? 0 : 1) + (content is null ? 0 : 1);
        var what = kind == "config" ? "\"file\", \"environment\", \"content\" or \"external\"" : "\"file\", \"environment\" or \"external\"";
        if (sources == 0 && !HasErrorsAt(path))
        {
            context.Diagnostics.Error(DiagnosticCodes.WrongType, entry.Key.Location, path, $"the {kind} needs one of {what}");
        }
        else if (sources > 1)
        {
            context.Diagnostics.Error(DiagnosticCodes.Duplicate, entry.Key.Location, path, $"the {kind} takes only one of {what}");
        }
        else if (external)
        {
            context.Diagnostics.Warning(DiagnosticCodes.UnsupportedField, entry.Key.Location, path, $"external {kind}s are Swarm {kind}s; Coxswain cannot provide its content to containers");
        }
    }

    private bool HasErrorsAt(string path) => context.Diagnostics.Items.Any(d => d.IsError && d.Path.StartsWith(path, StringComparison.Ordinal));
}
