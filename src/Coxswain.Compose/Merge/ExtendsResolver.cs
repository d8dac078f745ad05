namespace Coxswain.Compose;

/// <summary>
/// Resolves <c>extends</c> in one file's tree: <c>extends: base</c> or <c>extends: {service: base, file: other.yaml}</c> copies
/// the base service (itself resolved first) under the extending one with the merge rules of several files. A <c>file</c> is
/// relative to the file that names it; other relative paths stay relative to the project directory.
/// </summary>
internal sealed class ExtendsResolver(LoadContext context, Func<string, ComposeMapping?> readFile)
{
    private readonly Stack<string> _resolving = new();
    private readonly HashSet<string> _reportedCycles = new(StringComparer.Ordinal);

    public ComposeMapping Resolve(ComposeMapping root, string file)
    {
        if (root.Get("services") is not ComposeMapping services || !services.Entries.Any(e => e.Value is ComposeMapping m && m.Find("extends") is not null))
        {
            return root;
        }

        var resolved = services with
        {
            Entries = services.Entries.Select(e => e.Value is ComposeMapping service ? e with { Value = ResolveService(e.Name, service, services, file) } : e).ToList(),
        };
        return root with { Entries = root.Entries.Select(e => e.Name == "services" ? e with { Value = resolved } : e).ToList() };
    }

    private ComposeMapping ResolveService(string name, ComposeMapping service, ComposeMapping siblings, string file)
    {
        if (service.Find("extends") is not { } extends)
        {
            return service;
        }

        var path = FieldPath.Child(FieldPath.Child("services", name), "extends");
        var own = service with { Entries = service.Entries.Where(e => e.Name != "extends").ToList() };
        if (!TryReadReference(extends.Value, path, out var baseName, out var baseFile))
        {
            return own;
        }

        var baseServices = siblings;
        var baseFilePath = file;
        if (baseFile is not null)
        {
            baseFilePath = Path.GetFullPath(baseFile, Path.GetDirectoryName(file)!);
            if (readFile(baseFilePath)?.Get("services") is not ComposeMapping other)
            {
                context.Diagnostics.Error(DiagnosticCodes.UnknownReference, extends.Value.Location, path, $"cannot extend from \"{context.Display(baseFilePath)}\": the file is missing, unreadable or has no services");
                return own;
            }

            baseServices = other;
        }

        var key = baseFilePath + "#" + baseName;
        var self = file + "#" + name;
        if (key == self || _resolving.Contains(key))
        {
            var cycle = _resolving.Reverse().SkipWhile(k => k != key).Append(self).ToList();
            if (_reportedCycles.Add(string.Join('|', cycle.Order(StringComparer.Ordinal))))
            {
                var names = cycle.Append(key).Select(k => k[(k.IndexOf('#', StringComparison.Ordinal) + 1)..]);
                context.Diagnostics.Error(DiagnosticCodes.DependencyCycle, extends.Value.Location, path, $"extends cycle: {string.Join(" -> ", names)}");
            }

            return own;
        }

        if (baseServices.Get(baseName) is not ComposeMapping baseService)
        {
            var known = baseServices.Entries.Select(e => e.Name).Where(n => n != name);
            context.Diagnostics.Error(DiagnosticCodes.UnknownReference, extends.Value.Location, path, $"unknown service \"{baseName}\" to extend{DidYouMean.Hint(baseName, known)}");
            return own;
        }

        _resolving.Push(self);
        var resolvedBase = ResolveService(baseName, baseService, baseServices, baseFilePath);
        _resolving.Pop();
        return TreeMerger.MergeService(name, resolvedBase, own);
    }

    private bool TryReadReference(ComposeNode node, string path, out string service, out string? file)
    {
        service = string.Empty;
        file = null;
        switch (node)
        {
            case ComposeScalar { IsNull: false } scalar:
                service = scalar.Value;
                return true;
            case ComposeMapping mapping:
                foreach (var field in mapping.Entries.Where(f => f.Name is not ("service" or "file")))
                {
                    context.Diagnostics.Error(DiagnosticCodes.UnknownField, field.Key.Location, FieldPath.Child(path, field.Name), $"unknown field{DidYouMean.Hint(field.Name, ["service", "file"])}");
                }

                file = mapping.Get("file") is { } fileNode ? context.Reader.String(fileNode, FieldPath.Child(path, "file")) : null;
                if (mapping.Get("service") is { } serviceNode && context.Reader.String(serviceNode, FieldPath.Child(path, "service")) is { } name)
                {
                    service = name;
                    return true;
                }

                if (mapping.Get("service") is null)
                {
                    context.Diagnostics.Error(DiagnosticCodes.WrongType, mapping.Location, path, "extends needs a \"service\" (the service to copy)");
                }

                return false;
            default:
                context.Reader.WrongType(node, path, "a service name or {service, file}");
                return false;
        }
    }
}
