namespace Coxswain.Plans.Yaml;

/// <summary>
/// Loads plans written in YAML. Every problem is collected (not just the first) and reported in
/// one <see cref="PlanValidationException"/>, each with file:line:column and the task name.
/// </summary>
/// <example>
/// <code>
/// name: deploy
/// max_parallelism: 4
/// on_error: continue            # stop_all (default) | continue | retry
/// variables: { dir: /srv/app }
/// targets: { local: unix:///run/docker.sock }
/// tasks:
///   fetch:
///     type: command
///     command: git clone https://example.invalid/app ${dir}
///     creates: ${dir}/.git
///   build:
///     type: command
///     command: make -C ${dir}
///     depends_on: [fetch]
///     only_if_changed: true
///     retries: 2
///     retry_delay: 5s
///     timeout: 10m
///   smoke:
///     type: http
///     url: http://127.0.0.1:8080/health
///     depends_on: build
///     when: changed(build) or changed(fetch)
/// </code>
/// </example>
public static class YamlPlanLoader
{
    /// <summary>Loads the plan file at <paramref name="path"/>; relative paths in it resolve against its directory.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Registry, variables and base options; defaults when null.</param>
    /// <exception cref="PlanValidationException">Every problem found.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static YamlPlan LoadFile(string path, YamlPlanLoadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var text = File.ReadAllText(path);
        options ??= new YamlPlanLoadOptions();
        if (options.BaseDirectory is null)
        {
            var copy = new YamlPlanLoadOptions
            {
                Operations = options.Operations,
                Variables = options.Variables,
                PlanOptions = options.PlanOptions,
                BaseDirectory = Path.GetDirectoryName(Path.GetFullPath(path)),
            };
            options = copy;
        }

        return Load(text, path, options);
    }

    /// <summary>Loads a plan from YAML text.</summary>
    /// <param name="yaml">The YAML.</param>
    /// <param name="source">The name used in error locations (a file name).</param>
    /// <param name="options">Registry, variables and base options; defaults when null.</param>
    /// <exception cref="PlanValidationException">Every problem found.</exception>
    public static YamlPlan Load(string yaml, string source = "plan.yaml", YamlPlanLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        return new PlanFileCompiler(source, options ?? new YamlPlanLoadOptions()).Compile(yaml);
    }
}
