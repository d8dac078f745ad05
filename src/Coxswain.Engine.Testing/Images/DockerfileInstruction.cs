namespace Coxswain.Engine.Testing;

/// <summary>One Dockerfile instruction: its line, upper-cased keyword, and arguments (continuations joined).</summary>
internal sealed record DockerfileInstruction(int Line, string Keyword, string Arguments)
{
    public string Display => $"{Keyword} {Arguments}";
}
