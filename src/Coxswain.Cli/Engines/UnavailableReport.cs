using Coxswain.Engine;

namespace Coxswain.Cli.Engines;

/// <summary>The <c>--json</c> form of "no engine answered".</summary>
internal sealed record UnavailableReport(bool Ok, string Error, IReadOnlyList<AttemptReport> Attempts, string Hint)
{
    public static UnavailableReport From(EngineUnavailableException exception) =>
        new(false, "no container engine answered", exception.Attempts.Select(AttemptReport.From).ToArray(), exception.Hint);
}
