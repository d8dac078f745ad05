using Coxswain.Matrix;

namespace Coxswain.Cli.Commands.Matrix;

/// <summary>One <c>cox matrix</c> invocation: the engine, the flags, and the durations as typed (checked by the action).</summary>
internal sealed record MatrixRequest(string? Host, MatrixFlags Flags, string? Timeout, string? Backoff);
