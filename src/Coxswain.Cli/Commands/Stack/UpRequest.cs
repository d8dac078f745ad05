using Coxswain.Compose;

namespace Coxswain.Cli.Commands.Stack;

internal sealed record UpRequest(
    string? Host,
    LoadOptions Load,
    IReadOnlyList<string> Services,
    IReadOnlyList<string> Scale,
    bool Detach,
    bool Wait,
    int? WaitTimeoutSeconds,
    bool DryRun,
    bool RemoveOrphans);
