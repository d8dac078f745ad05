namespace Coxswain.Engine;

/// <summary>An image that <see cref="LocalImages"/> made sure exists: its reference, its id, and whether it had to be imported now.</summary>
public sealed record EnsuredImage(string Reference, string Id, bool Imported);
