using Coxswain.Engine;

namespace Coxswain.Stacks;

/// <summary>Create a project network.</summary>
/// <param name="Spec">The network.</param>
/// <param name="Cause">Why.</param>
public sealed record CreateNetworkOperation(NetworkSpec Spec, string Cause) : StackOperation("create network " + Spec?.Name, Cause);

/// <summary>Create a project volume.</summary>
/// <param name="Spec">The volume.</param>
/// <param name="Cause">Why.</param>
public sealed record CreateVolumeOperation(VolumeSpec Spec, string Cause) : StackOperation("create volume " + Spec?.Name, Cause);

/// <summary>Remove a project network.</summary>
/// <param name="Name">The engine name.</param>
/// <param name="Cause">Why.</param>
public sealed record RemoveNetworkOperation(string Name, string Cause) : StackOperation("remove network " + Name, Cause);

/// <summary>Remove a project volume (down -v).</summary>
/// <param name="Name">The engine name.</param>
/// <param name="Cause">Why.</param>
public sealed record RemoveVolumeOperation(string Name, string Cause) : StackOperation("remove volume " + Name, Cause);
