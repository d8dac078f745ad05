namespace Coxswain.Engine.Testing;

/// <summary>Unwinds the shell on <c>exit</c>, or on a signal that ends it (<see cref="BySignal"/>: no EXIT trap).</summary>
internal sealed class ShellExitException(int code, bool bySignal = false) : Exception($"exit {code}")
{
    public int Code { get; } = code;

    public bool BySignal { get; } = bySignal;
}
