namespace Coxswain.Engine;

/// <summary>One endpoint that was tried and why it did not answer.</summary>
public sealed record EndpointAttempt(EngineEndpoint Endpoint, string Error);
