namespace Coxswain.Supervision;

/// <summary>An operation the supervisor began and had not finished when it last stopped (a crash leaves these behind).</summary>
/// <param name="Id">The row id.</param>
/// <param name="Project">The stack.</param>
/// <param name="Service">The service, or null.</param>
/// <param name="What">What it was doing ("restart db").</param>
/// <param name="StartedAt">When it began.</param>
public sealed record InFlightOperation(long Id, string Project, string? Service, string What, DateTimeOffset StartedAt);
