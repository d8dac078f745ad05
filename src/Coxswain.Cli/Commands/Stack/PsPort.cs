namespace Coxswain.Cli.Commands.Stack;

/// <summary>A published port in <c>cox ps --json</c>.</summary>
internal sealed record PsPort(int ContainerPort, int? HostPort, string Protocol, string? HostIp)
{
    public override string ToString() =>
        HostPort is { } host ? $"{(string.IsNullOrEmpty(HostIp) ? "0.0.0.0" : HostIp)}:{host}->{ContainerPort}/{Protocol}" : $"{ContainerPort}/{Protocol}";
}
