namespace Coxswain.Engine.Testing;

/// <summary>What the engine knows when it starts a process.</summary>
internal sealed record ContainerProcessStart(
    string ContainerId,
    string ContainerName,
    ContainerSpec Spec,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Environment,
    string Hostname,
    TimeProvider TimeProvider,
    ContainerFileSystem Files,
    bool IsExec,
    CancellationToken Killed);
