namespace Coxswain.Engine;

/// <summary>A container port published on the host. <see cref="HostPort"/> null or 0 lets the engine choose.</summary>
public sealed record PortBinding(int ContainerPort, int? HostPort = null, string Protocol = "tcp", string? HostIp = null);
