using System.Globalization;
using Coxswain.Engine;

namespace Coxswain.Matrix;

/// <summary>The container of one attempt: the root folder at /workspace, the target's caches, the declared mounts, and only the
/// declared environment (VERBOSE, TEST_FILTER, COX_TARGET, the user's variables, and at -vv the user's log-level variable).</summary>
public static class ContainerSpecFactory
{
    /// <summary>The variable holding the target's name.</summary>
    public const string TargetVariable = "COX_TARGET";

    /// <summary>The variable holding the verbosity, 0..3.</summary>
    public const string VerboseVariable = "VERBOSE";

    /// <summary>The variable holding <c>--test-filter</c>.</summary>
    public const string FilterVariable = "TEST_FILTER";

    /// <summary>The environment a target's containers get.</summary>
    public static IReadOnlyDictionary<string, string> Environment(MatrixDefinition definition, string target)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var env = new Dictionary<string, string>(definition.Environment, StringComparer.Ordinal)
        {
            [VerboseVariable] = ((int)definition.Settings.Verbosity).ToString(CultureInfo.InvariantCulture),
            [TargetVariable] = target,
        };
        if (definition.Settings.TestFilter is { } filter)
        {
            env[FilterVariable] = filter;
        }

        if (definition.Settings.Verbosity >= Verbosity.Debug && definition.LogLevel is { } level)
        {
            env[level.Name] = level.Value;
        }

        return env;
    }

    /// <summary>The bind mounts a target's containers get.</summary>
    public static IReadOnlyList<MountSpec> Mounts(MatrixDefinition definition, string target)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var mounts = new List<MountSpec> { new(MountType.Bind, definition.RootDirectory, MatrixDefinition.WorkspacePath) };
        mounts.AddRange(definition.Caches.Select(c => new MountSpec(MountType.Bind, c.HostPath(definition.RootDirectory, target), c.Target)));
        mounts.AddRange(definition.Mounts.Select(m => new MountSpec(MountType.Bind, m.Source, m.Target, m.ReadOnly)));
        return mounts;
    }

    /// <summary>The spec of container <paramref name="name"/> of <paramref name="target"/> from <paramref name="image"/>.</summary>
    public static ContainerSpec Create(MatrixDefinition definition, string target, string image, string name, string runId) => new()
    {
        Name = name,
        Image = image,
        Command = definition.Command.Count == 0 ? null : definition.Command,
        Environment = Environment(definition, target),
        WorkingDirectory = definition.WorkingDirectory,
        Mounts = Mounts(definition, target),
        StopTimeout = MatrixSettings.StopGrace,
        Labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [MatrixNames.ManagedLabel] = "true",
            [MatrixNames.ProjectLabel] = definition.Name,
            [MatrixNames.RunLabel] = runId,
            [MatrixNames.TargetLabel] = target,
        },
    };
}
