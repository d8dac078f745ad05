using Coxswain.Engine;

namespace Coxswain.Cli.Engines;

/// <summary>One endpoint tried, for JSON output.</summary>
internal sealed record AttemptReport(string Endpoint, string Source, string Error)
{
    public static AttemptReport From(EndpointAttempt attempt) => new(attempt.Endpoint.Address, attempt.Endpoint.Source, attempt.Error);
}
