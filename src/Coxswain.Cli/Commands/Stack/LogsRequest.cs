namespace Coxswain.Cli.Commands.Stack;

internal sealed record LogsRequest(IReadOnlyList<string> Services, bool Follow, int? Tail, DateTimeOffset? Since, bool Timestamps);
