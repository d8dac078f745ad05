namespace Coxswain.Compose;

/// <summary>What a service refers to: networks, depends_on, secrets and configs (names are checked later, against the whole project).</summary>
internal sealed partial class ServiceReader
{
    private List<ServiceNetwork> ReadNetworks(ComposeNode node, string path)
    {
        var result = new List<ServiceNetwork>();
        if (node is not ComposeMapping mapping)
        {
            _reader.WrongType(node, path, "a list of network names or a mapping of networks");
            return result;
        }

        foreach (var entry in mapping.Entries)
        {
            var entryPath = FieldPath.Child(path, entry.Name);
            var network = new ServiceNetwork(entry.Name);
            _context.References.Add(new ServiceReference("network", entry.Name, entry.Key.Location, entryPath));
            switch (entry.Value)
            {
                case ComposeScalar { IsNull: true }:
                    break;
                case ComposeMapping options:
                    foreach (var field in options.Entries)
                    {
                        var fieldPath = FieldPath.Child(entryPath, field.Name);
                        if (FieldCatalog.ServiceNetwork.Accepts(field, fieldPath, _context.Diagnostics) && field.Name == "aliases")
                        {
                            network = network with { Aliases = _reader.StringList(field.Value, fieldPath) };
                        }
                    }

                    break;
                default:
                    _reader.WrongType(entry.Value, entryPath, "null or {aliases}");
                    break;
            }

            result.Add(network);
        }

        return result;
    }

    private List<ServiceDependency> ReadDependsOn(ComposeNode node, string path)
    {
        var result = new List<ServiceDependency>();
        if (node is not ComposeMapping mapping)
        {
            _reader.WrongType(node, path, "a list of service names or a mapping of services with conditions");
            return result;
        }

        foreach (var entry in mapping.Entries)
        {
            var entryPath = FieldPath.Child(path, entry.Name);
            var dependency = new ServiceDependency(entry.Name) { Location = entry.Key.Location };
            if (entry.Value is ComposeMapping options)
            {
                foreach (var field in options.Entries)
                {
                    var fieldPath = FieldPath.Child(entryPath, field.Name);
                    if (!FieldCatalog.DependsOn.Accepts(field, fieldPath, _context.Diagnostics) || field.Value is ComposeScalar { IsNull: true })
                    {
                        continue;
                    }

                    dependency = field.Name switch
                    {
                        "condition" => ReadCondition(field.Value, fieldPath) is { } condition ? dependency with { Condition = condition } : dependency,
                        "required" => dependency with { Required = _reader.Bool(field.Value, fieldPath) ?? true },
                        "restart" => dependency with { Restart = _reader.Bool(field.Value, fieldPath) ?? false },
                        _ => dependency,
                    };
                }
            }
            else if (entry.Value is not ComposeScalar { IsNull: true })
            {
                _reader.WrongType(entry.Value, entryPath, "{condition, required, restart}");
            }

            result.Add(dependency);
        }

        return result;
    }

    private DependencyCondition? ReadCondition(ComposeNode node, string path)
    {
        string[] known = ["service_started", "service_healthy", "service_completed_successfully"];
        return _reader.String(node, path) switch
        {
            null => null,
            "service_started" => DependencyCondition.ServiceStarted,
            "service_healthy" => DependencyCondition.ServiceHealthy,
            "service_completed_successfully" => DependencyCondition.ServiceCompletedSuccessfully,
            var other => ReportCondition(node, path, other, known),
        };
    }

    private DependencyCondition? ReportCondition(ComposeNode node, string path, string value, string[] known)
    {
        _reader.Invalid(node, path, $"bad condition \"{value}\"{DidYouMean.Hint(value, known)} (use service_started, service_healthy or service_completed_successfully)");
        return null;
    }

    private List<ServiceFileReference> ReadFileReferences(ComposeNode node, string path, string defaultDirectory, string kind)
    {
        var result = new List<ServiceFileReference>();
        if (node is not ComposeSequence sequence)
        {
            _reader.WrongType(node, path, "a list of names or of {source, target, uid, gid, mode}");
            return result;
        }

        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var item = sequence.Items[i];
            var itemPath = FieldPath.Index(path, i);
            switch (item)
            {
                case ComposeScalar { IsNull: false } scalar:
                    result.Add(new ServiceFileReference(scalar.Value, defaultDirectory + scalar.Value));
                    _context.References.Add(new ServiceReference(kind, scalar.Value, scalar.Location, itemPath));
                    break;
                case ComposeMapping mapping:
                    if (ReadFileReferenceLong(mapping, itemPath, defaultDirectory) is { } reference)
                    {
                        result.Add(reference);
                        _context.References.Add(new ServiceReference(kind, reference.Source, (mapping.Get("source") ?? mapping).Location, itemPath));
                    }

                    break;
                default:
                    _reader.WrongType(item, itemPath, "a name or {source, target, uid, gid, mode}");
                    break;
            }
        }

        return result;
    }

    private ServiceFileReference? ReadFileReferenceLong(ComposeMapping mapping, string path, string defaultDirectory)
    {
        string? source = null, target = null, uid = null, gid = null;
        int? mode = null;
        foreach (var field in mapping.Entries)
        {
            var fieldPath = FieldPath.Child(path, field.Name);
            if (!FieldCatalog.FileReference.Accepts(field, fieldPath, _context.Diagnostics) || field.Value is ComposeScalar { IsNull: true })
            {
                continue;
            }

            switch (field.Name)
            {
                case "source":
                    source = _reader.String(field.Value, fieldPath);
                    break;
                case "target":
                    target = _reader.String(field.Value, fieldPath);
                    break;
                case "uid":
                    uid = _reader.String(field.Value, fieldPath);
                    break;
                case "gid":
                    gid = _reader.String(field.Value, fieldPath);
                    break;
                case "mode":
                    mode = _reader.OctalMode(field.Value, fieldPath);
                    break;
            }
        }

        if (source is null)
        {
            if (mapping.Get("source") is null)
            {
                _context.Diagnostics.Error(DiagnosticCodes.WrongType, mapping.Location, path, "needs a \"source\" (the name of a top-level entry)");
            }

            return null;
        }

        target ??= source;
        return new ServiceFileReference(source, target.StartsWith('/') ? target : defaultDirectory + target) { Uid = uid, Gid = gid, Mode = mode };
    }
}
