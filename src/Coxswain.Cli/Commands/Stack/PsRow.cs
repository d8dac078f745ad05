namespace Coxswain.Cli.Commands.Stack;

/// <summary>One container in <c>cox ps</c> (also its JSON shape).</summary>
internal sealed record PsRow(
    string Service,
    string Name,
    string Id,
    int Slot,
    string State,
    string Color,
    string Status,
    long? ExitCode,
    IReadOnlyList<PsPort> Ports,
    long? UptimeSeconds,
    string Image,
    string ConfigHash);
