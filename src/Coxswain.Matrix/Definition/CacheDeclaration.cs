namespace Coxswain.Matrix;

/// <summary>A per-target read/write cache: the host folder <c>&lt;root&gt;/.cache/&lt;Component&gt;/&lt;target&gt;</c> mounted at
/// <see cref="Target"/>, so targets never share a cache and caches survive retries and runs.</summary>
/// <param name="Component">The cache's name (e.g. <c>pip</c>, <c>cargo</c>): a folder name.</param>
/// <param name="Target">Absolute path in the container.</param>
public sealed record CacheDeclaration(string Component, string Target)
{
    /// <summary>The host folder of this cache for <paramref name="target"/> under <paramref name="rootDirectory"/>.</summary>
    public string HostPath(string rootDirectory, string target) => Path.Combine(rootDirectory, ".cache", Component, target);
}
