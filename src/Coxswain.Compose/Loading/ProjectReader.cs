using System.Text.RegularExpressions;

namespace Coxswain.Compose;

/// <summary>Reads the merged tree's top level into a <see cref="ComposeProject"/>: the name, services, and top-level resources.</summary>
internal static partial class ProjectReader
{
    public static ComposeProject Read(ComposeMapping root, LoadContext context, LoadOptions options, IReadOnlyList<string> files)
    {
        var extensions = new OrderedDictionary<string, ComposeNode>(StringComparer.Ordinal);
        foreach (var entry in root.Entries)
        {
            if (FieldCatalog.IsExtension(entry.Name))
            {
                extensions[entry.Name] = entry.Value;
            }
            else
            {
                FieldCatalog.Project.Accepts(entry, entry.Name, context.Diagnostics);
            }
        }

        var name = ResolveName(root, context, options);
        var services = ReadServices(root.Get("services"), context);
        var resources = new ResourceReader(context, name);
        var networks = root.Get("networks") is { } networkNode ? resources.Networks(networkNode) : [];
        if (!networks.Exists(n => n.Name == "default") && services.Exists(s => s.Networks.Any(n => n.Name == "default")))
        {
            networks.Add(new ProjectNetwork("default", $"{name}_default"));
        }

        return new ComposeProject(name, context.WorkingDirectory)
        {
            Files = files,
            Services = services,
            Networks = networks,
            Volumes = root.Get("volumes") is { } volumes ? resources.Volumes(volumes) : [],
            Secrets = root.Get("secrets") is { } secrets ? resources.Secrets(secrets) : [],
            Configs = root.Get("configs") is { } configs ? resources.Configs(configs) : [],
            EnabledProfiles = options.Profiles?.ToList() ?? ProfilesFromEnvironment(context),
            Extensions = extensions,
        };
    }

    private static List<ServiceModel> ReadServices(ComposeNode? node, LoadContext context)
    {
        var result = new List<ServiceModel>();
        if (node is null or ComposeScalar { IsNull: true })
        {
            return result;
        }

        if (context.Reader.Mapping(node, "services") is not { } services)
        {
            return result;
        }

        foreach (var entry in services.Entries)
        {
            if (FieldCatalog.IsExtension(entry.Name))
            {
                continue;
            }

            if (!ServiceName().IsMatch(entry.Name))
            {
                context.Diagnostics.Error(DiagnosticCodes.InvalidValue, entry.Key.Location, FieldPath.Child("services", entry.Name), $"invalid service name \"{entry.Name}\": use letters, digits, \".\", \"_\" and \"-\", starting with a letter or digit");
            }

            result.Add(ServiceReader.Read(context, entry));
        }

        return result;
    }

    private static string ResolveName(ComposeMapping root, LoadContext context, LoadOptions options)
    {
        if (options.ProjectName is { } fromOption)
        {
            return Checked(fromOption, null, "-p", context);
        }

        if (context.Lookup("COMPOSE_PROJECT_NAME") is { Length: > 0 } fromEnvironment)
        {
            return Checked(fromEnvironment, null, "COMPOSE_PROJECT_NAME", context);
        }

        if (root.Get("name") is { } nameNode && context.Reader.OptionalString(nameNode, "name") is { Length: > 0 } fromFile)
        {
            return Checked(fromFile, nameNode.Location, "name", context);
        }

        var folder = Path.GetFileName(Path.TrimEndingDirectorySeparator(context.WorkingDirectory));
        var normalized = ProjectNames.Normalize(folder);
        if (normalized.Length == 0)
        {
            context.Diagnostics.Error(DiagnosticCodes.InvalidProjectName, null, string.Empty, $"cannot make a project name from the folder \"{folder}\"; set \"name:\" in the Compose file or pass -p");
            return "project";
        }

        return normalized;
    }

    private static string Checked(string name, SourceLocation? location, string path, LoadContext context)
    {
        if (!ProjectNames.IsValid(name))
        {
            context.Diagnostics.Error(DiagnosticCodes.InvalidProjectName, location, path, ProjectNames.Explain(name));
        }

        return name;
    }

    private static List<string> ProfilesFromEnvironment(LoadContext context) =>
        context.Lookup("COMPOSE_PROFILES") is { } profiles
            ? profiles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList()
            : [];

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9._-]*$")]
    private static partial Regex ServiceName();
}
