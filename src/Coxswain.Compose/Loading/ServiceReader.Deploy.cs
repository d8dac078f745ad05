namespace Coxswain.Compose;

/// <summary>deploy (replicas, resources, restart_policy) and the legacy resource fields, reconciled.</summary>
internal sealed partial class ServiceReader
{
    private ResourceValues _limits = new();
    private ResourceValues _reservations = new();
    private int? _deployReplicas;
    private ServiceRestart? _deployRestart;

    private void ReadDeploy(ComposeNode node, string path)
    {
        if (_reader.Mapping(node, path) is not { } deploy)
        {
            return;
        }

        foreach (var field in deploy.Entries)
        {
            var fieldPath = FieldPath.Child(path, field.Name);
            if (FieldCatalog.IsExtension(field.Name) || !FieldCatalog.Deploy.Accepts(field, fieldPath, _context.Diagnostics) || field.Value is ComposeScalar { IsNull: true })
            {
                continue;
            }

            switch (field.Name)
            {
                case "mode":
                    if (ReadChoice(field.Value, fieldPath, "deploy mode", ["replicated", "global"]) == "global")
                    {
                        _context.Diagnostics.Warning(DiagnosticCodes.UnsupportedField, field.Value.Location, fieldPath, "mode \"global\" is a Swarm mode; Coxswain runs the service's replicas on one engine");
                    }

                    break;
                case "replicas":
                    _deployReplicas = _reader.Int(field.Value, fieldPath, 0);
                    break;
                case "resources":
                    ReadResources(field.Value, fieldPath);
                    break;
                case "restart_policy":
                    _deployRestart = ReadRestartPolicy(field.Value, fieldPath);
                    break;
            }
        }
    }

    private void ReadResources(ComposeNode node, string path)
    {
        if (_reader.Mapping(node, path) is not { } resources)
        {
            return;
        }

        foreach (var field in resources.Entries)
        {
            var fieldPath = FieldPath.Child(path, field.Name);
            if (FieldCatalog.IsExtension(field.Name) || !FieldCatalog.Resources.Accepts(field, fieldPath, _context.Diagnostics) || field.Value is ComposeScalar { IsNull: true })
            {
                continue;
            }

            var values = ReadResourceValues(field.Value, fieldPath, allowPids: field.Name == "limits");
            if (field.Name == "limits")
            {
                _limits = values;
            }
            else
            {
                _reservations = values;
            }
        }
    }

    private ResourceValues ReadResourceValues(ComposeNode node, string path, bool allowPids)
    {
        var result = new ResourceValues();
        if (_reader.Mapping(node, path) is not { } mapping)
        {
            return result;
        }

        foreach (var field in mapping.Entries)
        {
            var fieldPath = FieldPath.Child(path, field.Name);
            if (FieldCatalog.IsExtension(field.Name) || !FieldCatalog.ResourceValues.Accepts(field, fieldPath, _context.Diagnostics) || field.Value is ComposeScalar { IsNull: true })
            {
                continue;
            }

            result = field.Name switch
            {
                "cpus" => result with { Cpus = _reader.Decimal(field.Value, fieldPath) },
                "memory" => result with { MemoryBytes = _reader.Bytes(field.Value, fieldPath) },
                "pids" when allowPids => result with { Pids = _reader.Long(field.Value, fieldPath, -1) },
                "pids" => ReportReservedPids(field.Value, fieldPath, result),
                _ => result,
            };
        }

        return result;
    }

    private ResourceValues ReportReservedPids(ComposeNode node, string path, ResourceValues values)
    {
        _reader.Invalid(node, path, "pids can only be limited (deploy.resources.limits.pids), not reserved");
        return values;
    }

    private ServiceRestart? ReadRestartPolicy(ComposeNode node, string path)
    {
        if (_reader.Mapping(node, path) is not { } mapping)
        {
            return null;
        }

        var condition = RestartCondition.Always;
        int? attempts = null;
        foreach (var field in mapping.Entries)
        {
            var fieldPath = FieldPath.Child(path, field.Name);
            if (!FieldCatalog.RestartPolicy.Accepts(field, fieldPath, _context.Diagnostics) || field.Value is ComposeScalar { IsNull: true })
            {
                continue;
            }

            if (field.Name == "condition")
            {
                condition = ReadChoice(field.Value, fieldPath, "restart condition", ["none", "on-failure", "any"]) switch
                {
                    "none" => RestartCondition.No,
                    "on-failure" => RestartCondition.OnFailure,
                    _ => RestartCondition.Always,
                };
            }
            else if (field.Name == "max_attempts")
            {
                attempts = _reader.Int(field.Value, fieldPath, 0);
            }
        }

        return new ServiceRestart(condition, condition == RestartCondition.OnFailure ? attempts : null);
    }

    private void ApplyLegacyResources()
    {
        var limits = _limits with
        {
            Cpus = Reconcile(_limits.Cpus, "cpus", "deploy.resources.limits.cpus", (n, p) => _reader.Decimal(n, p)),
            MemoryBytes = Reconcile(_limits.MemoryBytes, "mem_limit", "deploy.resources.limits.memory", (n, p) => _reader.Bytes(n, p)),
            Pids = Reconcile(_limits.Pids, "pids_limit", "deploy.resources.limits.pids", (n, p) => _reader.Long(n, p, -1)),
        };
        var reservations = _reservations with
        {
            MemoryBytes = Reconcile(_reservations.MemoryBytes, "mem_reservation", "deploy.resources.reservations.memory", (n, p) => _reader.Bytes(n, p)),
        };
        long? swap = _legacyResources.TryGetValue("memswap_limit", out var s) ? ReadSwap(s.Node, s.Path) : null;
        long? shares = _legacyResources.TryGetValue("cpu_shares", out var c) ? _reader.Long(c.Node, c.Path, 0) : null;
        int? replicas = _deployReplicas;
        if (_legacyResources.TryGetValue("scale", out var scale) && _reader.Int(scale.Node, scale.Path, 0) is { } count)
        {
            if (replicas is not null && replicas != count)
            {
                _reader.Diagnostics.Error(DiagnosticCodes.Duplicate, scale.Node.Location, scale.Path, $"scale ({count}) and deploy.replicas ({replicas}) disagree; keep deploy.replicas");
            }

            replicas ??= count;
        }

        _model = _model with
        {
            Resources = new ServiceResources { Limits = limits, Reservations = reservations, MemorySwapBytes = swap, CpuShares = shares },
            Replicas = replicas ?? 1,
            Restart = _model.Restart ?? _deployRestart,
        };
    }

    private long? ReadSwap(ComposeNode node, string path) =>
        node is ComposeScalar { Value: "-1" } ? -1 : _reader.Bytes(node, path);

    private T? Reconcile<T>(T? fromDeploy, string legacyField, string deployField, Func<ComposeNode, string, T?> read)
        where T : struct
    {
        if (!_legacyResources.TryGetValue(legacyField, out var legacy) || read(legacy.Node, legacy.Path) is not { } value)
        {
            return fromDeploy;
        }

        if (fromDeploy is { } other && !other.Equals(value))
        {
            _reader.Diagnostics.Error(DiagnosticCodes.Duplicate, legacy.Node.Location, legacy.Path, $"{legacyField} ({value}) and {deployField} ({other}) disagree; keep only {deployField}");
        }

        return fromDeploy ?? value;
    }
}
