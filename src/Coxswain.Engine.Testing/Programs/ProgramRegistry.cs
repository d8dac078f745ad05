namespace Coxswain.Engine.Testing;

/// <summary>
/// Which <see cref="IContainerProgram"/> a container runs, by image, by container name, or by any rule on the spec.
/// The most recently registered match wins; then <see cref="InMemoryEngineOptions.ProgramResolver"/>; then
/// <see cref="ContainerPrograms.Shell"/>. The choice is made at each start.
/// </summary>
public sealed class ProgramRegistry
{
    private readonly Lock _gate = new();
    private readonly List<(Func<ContainerSpec, bool> Match, IContainerProgram Program)> _rules = [];

    internal ProgramRegistry()
    {
    }

    /// <summary>Containers created from <paramref name="imageReference"/> (e.g. "redis:7"; "redis" means "redis:latest") run <paramref name="program"/>.</summary>
    public void ForImage(string imageReference, IContainerProgram program)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(imageReference);
        var wanted = ImageReference.Normalize(imageReference);
        When(spec => ImageReference.Normalize(spec.Image) == wanted, program);
    }

    /// <summary>The container named <paramref name="containerName"/> runs <paramref name="program"/>.</summary>
    public void ForContainer(string containerName, IContainerProgram program)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(containerName);
        var wanted = containerName.TrimStart('/');
        When(spec => spec.Name?.TrimStart('/') == wanted, program);
    }

    /// <summary>Containers whose spec matches <paramref name="match"/> run <paramref name="program"/>.</summary>
    public void When(Func<ContainerSpec, bool> match, IContainerProgram program)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(program);
        lock (_gate)
        {
            _rules.Add((match, program));
        }
    }

    /// <summary>Forgets every registration.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    internal IContainerProgram? Find(ContainerSpec spec)
    {
        lock (_gate)
        {
            for (var i = _rules.Count - 1; i >= 0; i--)
            {
                if (_rules[i].Match(spec))
                {
                    return _rules[i].Program;
                }
            }
        }

        return null;
    }
}
