namespace Coxswain.Engine;

/// <summary>The engine's restart policy: "no", "always", "unless-stopped" or "on-failure" (with <see cref="MaximumRetryCount"/>).</summary>
public sealed record RestartPolicy(string Name, int MaximumRetryCount = 0);
