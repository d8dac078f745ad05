namespace Coxswain.Engine.Testing;

/// <summary>A script the in-memory shell cannot parse (a syntax error, or syntax outside its subset).</summary>
internal sealed class ShellSyntaxException(string message) : Exception(message);
