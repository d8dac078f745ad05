namespace Coxswain.Engine;

/// <summary>One endpoint discovery will try; <see cref="Error"/> is set when it is known not to work before trying (a malformed address).</summary>
internal sealed record DiscoveryCandidate(EngineEndpoint Endpoint, string? Error = null);
