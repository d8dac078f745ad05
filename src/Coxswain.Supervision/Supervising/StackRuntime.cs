using Coxswain.Compose;
using Coxswain.Stacks;

namespace Coxswain.Supervision;

/// <summary>A supervised stack: its project, its desired state and its services' runtime (owned by the supervisor's loop).</summary>
internal sealed class StackRuntime(ComposeProject project, DesiredStack desired, Dictionary<string, ServiceRuntime> services)
{
    public ComposeProject Project { get; } = project;

    public DesiredStack Desired { get; } = desired;

    public Dictionary<string, ServiceRuntime> Services { get; } = services;

    public string Name => Project.Name;

    public IEnumerable<ServiceRuntime> DependentsOf(string service) =>
        Services.Values.Where(s => s.Model.DependsOn.Any(d => d.Service == service));
}
