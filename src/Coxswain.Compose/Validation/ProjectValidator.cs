namespace Coxswain.Compose;

/// <summary>Checks what services refer to against the whole project: services, networks, volumes, secrets, configs; dependency cycles; container names.</summary>
internal static class ProjectValidator
{
    public static void Validate(ComposeProject project, IReadOnlyList<ServiceReference> references, DiagnosticBag diagnostics)
    {
        var serviceNames = project.Services.Select(s => s.Name).ToList();
        foreach (var service in project.Services)
        {
            var path = FieldPath.Child("services", service.Name);
            CheckDependencies(service, path, serviceNames, diagnostics);
            if (service.ContainerName is not null && service.Replicas > 1)
            {
                diagnostics.Error(DiagnosticCodes.Duplicate, service.Location, FieldPath.Child(path, "container_name"), $"a fixed container_name allows one container, but the service asks for {service.Replicas} replicas; remove container_name or the replicas");
            }
        }

        CheckReferences(project, references, diagnostics);
        foreach (var group in project.Services.Where(s => s.ContainerName is not null).GroupBy(s => s.ContainerName, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var other in group.Skip(1))
            {
                diagnostics.Error(DiagnosticCodes.Duplicate, other.Location, FieldPath.Child(FieldPath.Child("services", other.Name), "container_name"), $"container name \"{group.Key}\" is also used by service \"{first.Name}\"; container names must be unique");
            }
        }

        CheckCycles(project, diagnostics);
    }

    private static void CheckDependencies(ServiceModel service, string path, List<string> serviceNames, DiagnosticBag diagnostics)
    {
        var dependsOnPath = FieldPath.Child(path, "depends_on");
        foreach (var dependency in service.DependsOn)
        {
            if (dependency.Service == service.Name)
            {
                diagnostics.Error(DiagnosticCodes.DependencyCycle, dependency.Location, dependsOnPath, $"service \"{service.Name}\" depends on itself; remove it from its own depends_on");
            }
            else if (!serviceNames.Contains(dependency.Service))
            {
                var message = $"unknown service \"{dependency.Service}\"{DidYouMean.Hint(dependency.Service, serviceNames.Where(n => n != service.Name))}";
                if (dependency.Required)
                {
                    diagnostics.Error(DiagnosticCodes.UnknownReference, dependency.Location, dependsOnPath, message);
                }
                else
                {
                    diagnostics.Warning(DiagnosticCodes.UnknownReference, dependency.Location, dependsOnPath, message + "; ignored because it is not required");
                }
            }
        }
    }

    private static void CheckReferences(ComposeProject project, IReadOnlyList<ServiceReference> references, DiagnosticBag diagnostics)
    {
        var declared = new Dictionary<string, List<string>>(StringComparer.Ordinal)
        {
            ["network"] = project.Networks.Select(n => n.Name).ToList(),
            ["volume"] = project.Volumes.Select(v => v.Name).ToList(),
            ["secret"] = project.Secrets.Select(s => s.Name).ToList(),
            ["config"] = project.Configs.Select(c => c.Name).ToList(),
        };
        foreach (var reference in references)
        {
            var known = declared[reference.Kind];
            if (!known.Contains(reference.Name) && !(reference.Kind == "network" && reference.Name == "default"))
            {
                diagnostics.Error(DiagnosticCodes.UnknownReference, reference.Location, reference.Path, $"unknown {reference.Kind} \"{reference.Name}\"{DidYouMean.Hint(reference.Name, known)}; declare it under the top-level \"{reference.Kind}s\"");
            }
        }
    }

    private static void CheckCycles(ComposeProject project, DiagnosticBag diagnostics)
    {
        var graph = DependencyGraph.Create(project.Services);
        foreach (var cycle in graph.FindCycles())
        {
            if (cycle.Count < 3)
            {
                continue; // a self-dependency, reported above
            }

            var first = project.FindService(cycle[0])!;
            var location = first.DependsOn.FirstOrDefault(d => d.Service == cycle[1])?.Location ?? first.Location;
            diagnostics.Error(DiagnosticCodes.DependencyCycle, location, FieldPath.Child(FieldPath.Child("services", first.Name), "depends_on"), $"dependency cycle: {string.Join(" -> ", cycle)}");
        }
    }
}
