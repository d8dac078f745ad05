namespace Coxswain.Compose;

/// <summary>One entry of <c>depends_on</c>.</summary>
/// <param name="Service">The service depended on.</param>
/// <param name="Condition">When it counts as ready.</param>
/// <param name="Required">False when the dependent may start without it (<c>required: false</c>).</param>
/// <param name="Restart">Restart the dependent when this dependency is restarted by an operation (<c>restart: true</c>).</param>
public sealed record ServiceDependency(string Service, DependencyCondition Condition = DependencyCondition.ServiceStarted, bool Required = true, bool Restart = false)
{
    /// <summary>Where the dependency was written.</summary>
    public SourceLocation? Location { get; init; }
}
