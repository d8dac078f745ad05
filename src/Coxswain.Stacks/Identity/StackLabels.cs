namespace Coxswain.Stacks;

/// <summary>The labels that mark what Coxswain owns (DESIGN.md, "Identity"). Labels are the truth about ownership.</summary>
public static class StackLabels
{
    /// <summary>Always <c>true</c> on every object Coxswain creates.</summary>
    public const string Managed = "io.coxswain.managed";

    /// <summary>The Compose project name.</summary>
    public const string Project = "io.coxswain.project";

    /// <summary>The Compose service name (containers only).</summary>
    public const string Service = "io.coxswain.service";

    /// <summary>The replica slot, from 1 (containers only).</summary>
    public const string Slot = "io.coxswain.slot";

    /// <summary>The service's <see cref="Compose.ConfigHash"/> when the container was created.</summary>
    public const string ConfigHash = "io.coxswain.config-hash";

    /// <summary>The epoch of the owner that created the object.</summary>
    public const string Epoch = "io.coxswain.epoch";

    /// <summary>The Compose restart policy (the engine's policy is always "no": Coxswain heals).</summary>
    public const string Restart = "io.coxswain.restart";

    /// <summary>The network or volume name as written in the Compose file.</summary>
    public const string Resource = "io.coxswain.resource";

    /// <summary>The label filter that selects everything of one project: <c>io.coxswain.project=NAME</c>.</summary>
    /// <param name="project">The project name.</param>
    /// <returns>The filter expression for the engine's list calls.</returns>
    public static string ProjectFilter(string project) => $"{Project}={project}";

    /// <summary>Labels every network and volume of a project carries.</summary>
    /// <param name="project">The project name.</param>
    /// <param name="resource">The name as written in the Compose file.</param>
    /// <param name="epoch">The owner epoch.</param>
    /// <param name="extra">Labels from the Compose file, kept.</param>
    /// <returns>A new label map.</returns>
    public static IReadOnlyDictionary<string, string> ForResource(string project, string resource, string epoch, IReadOnlyDictionary<string, string>? extra = null)
    {
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            labels[key] = value;
        }

        labels[Managed] = "true";
        labels[Project] = project;
        labels[Resource] = resource;
        labels[Epoch] = epoch;
        return labels;
    }
}
