using Coxswain.Plans.Operations;

namespace Coxswain.Plans.Yaml;

/// <summary>How <see cref="YamlPlanLoader"/> turns a plan file into a <see cref="Plan"/>.</summary>
public sealed class YamlPlanLoadOptions
{
    /// <summary>The operation types tasks may use. Default: <see cref="OperationRegistry.CreateDefault"/>.</summary>
    public OperationRegistry Operations { get; set; } = OperationRegistry.CreateDefault();

    /// <summary>Variables that override (or add to) the file's <c>variables</c> (e.g. from <c>--var</c>).</summary>
    public IReadOnlyDictionary<string, string>? Variables { get; set; }

    /// <summary>
    /// The options the plan starts from (clock, progress, engines, direction); the file's
    /// name, max_parallelism, on_error and timeout override their counterparts. Default: new options.
    /// </summary>
    public PlanOptions? PlanOptions { get; set; }

    /// <summary>Where relative paths (cwd, creates) resolve; the file's directory when loading a file.</summary>
    public string? BaseDirectory { get; set; }
}
