namespace Coxswain.Engine;

/// <summary>The engine's own healthcheck result: status "starting", "healthy" or "unhealthy".</summary>
public sealed record HealthState(string Status, int FailingStreak);
