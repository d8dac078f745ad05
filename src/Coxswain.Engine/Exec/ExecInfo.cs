namespace Coxswain.Engine;

/// <summary>The state of an exec: <see cref="ExitCode"/> is null while it runs.</summary>
public sealed record ExecInfo(string Id, bool Running, long? ExitCode);
