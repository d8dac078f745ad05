namespace Coxswain.Engine.Testing;

/// <summary>An image published in the <see cref="FakeRegistry"/>.</summary>
internal sealed record RemoteImage(string Reference, string Id, string Digest, ImageDefinition Definition);
