namespace Coxswain.Engine.Testing;

/// <summary>A network (guarded by the engine's lock).</summary>
internal sealed record NetworkRecord(string Id, string Name, string Driver, IReadOnlyDictionary<string, string> Labels, bool Internal, bool Predefined, DateTimeOffset Created, int Subnet);
