namespace Coxswain.Engine.Testing;

/// <summary>Where a command's output goes: a log stream, or a file; null discards (/dev/null).</summary>
internal abstract record ShellTarget;

/// <summary>The process's stdout or stderr.</summary>
internal sealed record StreamTarget(LogStream Stream) : ShellTarget;

/// <summary>A file in the container's filesystem (appended to; a '>' redirection truncated it when applied).</summary>
internal sealed record FileTarget(string Path) : ShellTarget;

/// <summary>A command's stdout, stderr and stdin file (null: no input).</summary>
internal readonly record struct ShellIo(ShellTarget? Out, ShellTarget? Err, string? In = null)
{
    public static ShellIo Default { get; } = new(new StreamTarget(LogStream.Stdout), new StreamTarget(LogStream.Stderr));
}
