using Coxswain.Engine;

namespace Coxswain.Plans;

/// <summary>
/// Finds the engine a task targets by name (the <c>targets</c> of a YAML plan, or names the host
/// application knows). Engine-backed operations reach it through <see cref="TaskContext.GetEngineAsync"/>.
/// </summary>
public interface IEngineResolver
{
    /// <summary>The engine client for <paramref name="target"/> (null: the default engine).</summary>
    /// <param name="target">The target name, or null for the default.</param>
    /// <param name="cancellationToken">Cancels the lookup (which may connect).</param>
    /// <exception cref="KeyNotFoundException">No engine of that name is known.</exception>
    ValueTask<IEngineClient> GetEngineAsync(string? target, CancellationToken cancellationToken);
}
