namespace Coxswain.Compose;

/// <summary>Volumes (short and long syntax) and tmpfs.</summary>
internal sealed partial class ServiceReader
{
    private static readonly string[] Propagations = ["shared", "rshared", "slave", "rslave", "private", "rprivate"];

    private List<ServiceMount> ReadVolumes(ComposeNode node, string path)
    {
        var result = new List<ServiceMount>();
        if (node is not ComposeSequence sequence)
        {
            _reader.WrongType(node, path, "a list of volumes");
            return result;
        }

        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var item = sequence.Items[i];
            var itemPath = FieldPath.Index(path, i);
            var mount = item switch
            {
                ComposeScalar { IsNull: false } scalar => ReadVolumeShort(scalar, itemPath),
                ComposeMapping mapping => ReadVolumeLong(mapping, itemPath),
                _ => ReportVolumeType(item, itemPath),
            };
            if (mount is null)
            {
                continue;
            }

            if (!mount.Target.StartsWith('/'))
            {
                _reader.Invalid(item, itemPath, $"the container path \"{mount.Target}\" must be absolute (start with /)");
                continue;
            }

            result.Add(mount);
            if (mount is { Type: ServiceMountType.Volume, Source: { } volumeName })
            {
                var at = item is ComposeMapping longForm ? longForm.Get("source") ?? item : item;
                _context.References.Add(new ServiceReference("volume", volumeName, at.Location, itemPath));
            }
        }

        return result;
    }

    private ServiceMount? ReportVolumeType(ComposeNode item, string path)
    {
        _reader.WrongType(item, path, "a volume (\"name:/path\", \"./dir:/path:ro\") or {type, source, target}");
        return null;
    }

    private ServiceMount? ReadVolumeShort(ComposeScalar scalar, string path)
    {
        if (!VolumeSyntax.TrySplit(scalar.Value, out var parts, out var error))
        {
            _reader.Invalid(scalar, path, $"bad volume \"{scalar.Value}\": {error}");
            return null;
        }

        if (parts.Source is null)
        {
            return new ServiceMount(ServiceMountType.Volume, null, parts.Target);
        }

        var isBind = VolumeSyntax.IsPath(parts.Source);
        var mount = isBind
            ? new ServiceMount(ServiceMountType.Bind, _context.ResolvePath(parts.Source), parts.Target) { CreateHostPath = true }
            : new ServiceMount(ServiceMountType.Volume, parts.Source, parts.Target);
        foreach (var mode in parts.Modes)
        {
            mount = mode switch
            {
                "ro" => mount with { ReadOnly = true },
                "rw" => mount with { ReadOnly = false },
                "z" or "Z" when isBind => mount with { SeLinux = mode },
                "nocopy" when !isBind => mount with { NoCopy = true },
                "consistent" or "cached" or "delegated" => mount,
                _ when isBind && Propagations.Contains(mode) => mount with { Propagation = mode },
                _ => ReportMode(scalar, path, mode, isBind, mount),
            };
        }

        return mount;
    }

    private ServiceMount ReportMode(ComposeScalar scalar, string path, string mode, bool isBind, ServiceMount mount)
    {
        var allowed = isBind ? "ro, rw, z, Z, or a propagation (shared, rshared, slave, rslave, private, rprivate)" : "ro, rw or nocopy";
        _reader.Invalid(scalar, path, $"bad volume option \"{mode}\" in \"{scalar.Value}\" (a {(isBind ? "bind" : "volume")} takes {allowed})");
        return mount;
    }

    private ServiceMount? ReadVolumeLong(ComposeMapping mapping, string path)
    {
        string? type = null;
        string? source = null;
        string? target = null;
        var readOnly = false;
        ComposeMapping? bind = null, volume = null, tmpfs = null;
        foreach (var field in mapping.Entries)
        {
            var fieldPath = FieldPath.Child(path, field.Name);
            if (!FieldCatalog.VolumeLong.Accepts(field, fieldPath, _context.Diagnostics) || field.Value is ComposeScalar { IsNull: true })
            {
                continue;
            }

            switch (field.Name)
            {
                case "type":
                    type = ReadVolumeType(field.Value, fieldPath);
                    break;
                case "source":
                    source = _reader.String(field.Value, fieldPath);
                    break;
                case "target":
                    target = _reader.String(field.Value, fieldPath);
                    break;
                case "read_only":
                    readOnly = _reader.Bool(field.Value, fieldPath) ?? false;
                    break;
                case "bind":
                    bind = _reader.Mapping(field.Value, fieldPath);
                    break;
                case "volume":
                    volume = _reader.Mapping(field.Value, fieldPath);
                    break;
                case "tmpfs":
                    tmpfs = _reader.Mapping(field.Value, fieldPath);
                    break;
            }
        }

        if (type is null || target is null)
        {
            if (mapping.Get("type") is null || mapping.Get("target") is null)
            {
                _context.Diagnostics.Error(DiagnosticCodes.WrongType, mapping.Location, path, $"a volume in the long syntax needs \"type\" and \"target\"");
            }

            return null;
        }

        var mount = type switch
        {
            "bind" when source is null => ReportMissingSource(mapping, path),
            "bind" => new ServiceMount(ServiceMountType.Bind, _context.ResolvePath(source), target) { ReadOnly = readOnly },
            "tmpfs" => new ServiceMount(ServiceMountType.Tmpfs, null, target) { ReadOnly = readOnly },
            _ => new ServiceMount(ServiceMountType.Volume, string.IsNullOrEmpty(source) ? null : source, target) { ReadOnly = readOnly },
        };
        if (mount is null)
        {
            return null;
        }

        mount = ReadMountOptions(mount, bind, FieldPath.Child(path, "bind"), "bind", FieldCatalog.VolumeBind);
        mount = ReadMountOptions(mount, volume, FieldPath.Child(path, "volume"), "volume", FieldCatalog.VolumeVolume);
        return ReadMountOptions(mount, tmpfs, FieldPath.Child(path, "tmpfs"), "tmpfs", FieldCatalog.VolumeTmpfs);
    }

    private string? ReadVolumeType(ComposeNode node, string path)
    {
        if (_reader.String(node, path) is not { } type)
        {
            return null;
        }

        if (type is "npipe" or "cluster" or "image")
        {
            _context.Diagnostics.Warning(DiagnosticCodes.UnsupportedField, node.Location, path, $"volumes of type \"{type}\" are not supported by Coxswain; this volume is ignored");
            return null;
        }

        return ReadChoice(node, path, "volume type", ["volume", "bind", "tmpfs"]);
    }

    private ServiceMount? ReportMissingSource(ComposeMapping mapping, string path)
    {
        _context.Diagnostics.Error(DiagnosticCodes.WrongType, mapping.Location, path, "a bind mount needs a \"source\" (the host path)");
        return null;
    }

    private ServiceMount ReadMountOptions(ServiceMount mount, ComposeMapping? options, string path, string kind, FieldCatalog catalog)
    {
        if (options is null)
        {
            return mount;
        }

        if (!string.Equals(kind, mount.Type.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            _reader.Invalid(options, path, $"\"{kind}\" options apply to volumes of type {kind}, this one is of type {mount.Type.ToString().ToLowerInvariant()}");
            return mount;
        }

        foreach (var field in options.Entries)
        {
            var fieldPath = FieldPath.Child(path, field.Name);
            if (!catalog.Accepts(field, fieldPath, _context.Diagnostics) || field.Value is ComposeScalar { IsNull: true })
            {
                continue;
            }

            var value = field.Value;
            mount = field.Name switch
            {
                "propagation" => mount with { Propagation = ReadChoice(value, fieldPath, "propagation", Propagations) },
                "create_host_path" => mount with { CreateHostPath = _reader.Bool(value, fieldPath) ?? false },
                "selinux" => mount with { SeLinux = ReadSeLinux(value, fieldPath) },
                "nocopy" => mount with { NoCopy = _reader.Bool(value, fieldPath) ?? false },
                "subpath" => mount with { Subpath = _reader.String(value, fieldPath) },
                "size" => mount with { TmpfsSizeBytes = _reader.Bytes(value, fieldPath) },
                "mode" => mount with { TmpfsMode = _reader.OctalMode(value, fieldPath) },
                _ => mount,
            };
        }

        return mount;
    }

    private string? ReadSeLinux(ComposeNode node, string path)
    {
        var value = _reader.String(node, path);
        if (value is "z" or "Z" or null)
        {
            return value;
        }

        _reader.Invalid(node, path, $"bad selinux option \"{value}\" (use z for a shared label or Z for a private one)");
        return null;
    }

    private List<string> ReadTmpfs(ComposeNode node, string path)
    {
        var result = new List<string>();
        var items = _reader.StringOrList(node, path);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i].Trim();
            if (!item.StartsWith('/'))
            {
                var at = node is ComposeSequence sequence && i < sequence.Items.Count ? sequence.Items[i] : node;
                _reader.Invalid(at, FieldPath.Item(node, path, i), $"the tmpfs path \"{item}\" must be absolute (start with /)");
                continue;
            }

            result.Add(item);
        }

        return result;
    }
}
