namespace Coxswain.Compose;

/// <summary>A loaded, validated and normalized Compose project.</summary>
/// <param name="Name">The project name (from <c>-p</c>, <c>COMPOSE_PROJECT_NAME</c>, <c>name:</c>, or the folder name normalized).</param>
/// <param name="WorkingDirectory">The project directory: relative paths in the files are resolved against it.</param>
public sealed record ComposeProject(string Name, string WorkingDirectory)
{
    /// <summary>The Compose files read, absolute, in merge order.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>Every service, active or not, in the order the files define them.</summary>
    public IReadOnlyList<ServiceModel> Services { get; init; } = [];

    /// <summary>Networks: those declared, in order, plus the implicit <c>default</c> when a service uses it.</summary>
    public IReadOnlyList<ProjectNetwork> Networks { get; init; } = [];

    /// <summary>Declared volumes, in order.</summary>
    public IReadOnlyList<ProjectVolume> Volumes { get; init; } = [];

    /// <summary>Declared secrets, in order.</summary>
    public IReadOnlyList<ProjectSecret> Secrets { get; init; } = [];

    /// <summary>Declared configs, in order.</summary>
    public IReadOnlyList<ProjectConfig> Configs { get; init; } = [];

    /// <summary>The profiles enabled when loading (from the options or <c>COMPOSE_PROFILES</c>).</summary>
    public IReadOnlyList<string> EnabledProfiles { get; init; } = [];

    /// <summary>Top-level <c>x-*</c> fields, raw.</summary>
    public IReadOnlyDictionary<string, ComposeNode> Extensions { get; init; } = ModelDefaults.EmptyExtensions;

    /// <summary>The warnings of the load (also in <see cref="LoadResult.Diagnostics"/>).</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; init; } = [];

    /// <summary>The normalized project as YAML (see <see cref="ComposeSerializer.ToYaml"/>).</summary>
    /// <returns>The YAML text.</returns>
    public string ToYaml() => ComposeSerializer.ToYaml(this);

    /// <summary>The normalized project as JSON (see <see cref="ComposeSerializer.ToJson"/>).</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => ComposeSerializer.ToJson(this);

    /// <summary>The services active under <see cref="EnabledProfiles"/>, in order.</summary>
    public IReadOnlyList<ServiceModel> ActiveServices => Services.Where(s => s.IsActive(EnabledProfiles)).ToList();

    /// <summary>The service with this name, or null.</summary>
    /// <param name="name">The service name.</param>
    /// <returns>The service.</returns>
    public ServiceModel? FindService(string name) => Services.FirstOrDefault(s => s.Name == name);

    /// <summary>The network with this key, or null.</summary>
    /// <param name="name">The network key.</param>
    /// <returns>The network.</returns>
    public ProjectNetwork? FindNetwork(string name) => Networks.FirstOrDefault(n => n.Name == name);

    /// <summary>The volume with this key, or null.</summary>
    /// <param name="name">The volume key.</param>
    /// <returns>The volume.</returns>
    public ProjectVolume? FindVolume(string name) => Volumes.FirstOrDefault(v => v.Name == name);

    /// <summary>
    /// The services to act on when a user names some (as <c>cox up web</c> does): the named ones whatever their profiles, plus,
    /// transitively, what they depend on; with no names, the active services and what they depend on. In project order.
    /// </summary>
    /// <param name="names">The services named, or null/empty for all active ones.</param>
    /// <returns>The services.</returns>
    /// <exception cref="ArgumentException">When a name is not a service of the project.</exception>
    public IReadOnlyList<ServiceModel> SelectServices(IEnumerable<string>? names = null)
    {
        var roots = names?.ToList() is { Count: > 0 } list ? list : ActiveServices.Select(s => s.Name).ToList();
        var selected = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(roots);
        while (pending.TryPop(out var name))
        {
            var service = FindService(name) ?? throw new ArgumentException(
                $"no service \"{name}\" in project \"{Name}\"{DidYouMean.Hint(name, Services.Select(s => s.Name))}", nameof(names));
            if (selected.Add(name))
            {
                foreach (var dependency in service.DependsOn)
                {
                    if (FindService(dependency.Service) is not null)
                    {
                        pending.Push(dependency.Service);
                    }
                }
            }
        }

        return Services.Where(s => selected.Contains(s.Name)).ToList();
    }
}
