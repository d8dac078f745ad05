namespace Coxswain.Cli.Commands.Plan;

/// <summary>What <c>cox plan resume</c> needs to load a run's plan again: the file, the <c>--var</c> values and the <c>--host</c>.</summary>
internal sealed record PlanRunRecord(string RunId, string File, IReadOnlyDictionary<string, string> Variables, string? Host);
