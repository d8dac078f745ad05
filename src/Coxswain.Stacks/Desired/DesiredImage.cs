using Coxswain.Compose;

namespace Coxswain.Stacks;

/// <summary>An image the stack needs, the services that use it, and how to get it.</summary>
/// <param name="Reference">The image reference.</param>
/// <param name="Services">The services using it, in file order.</param>
/// <param name="Build">How to build it, when the service has <c>build:</c>.</param>
/// <param name="PullPolicy">The Compose pull_policy (null = missing).</param>
public sealed record DesiredImage(string Reference, IReadOnlyList<string> Services, ServiceBuild? Build, string? PullPolicy);
