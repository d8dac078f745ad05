namespace Coxswain.Plans.Operations;

/// <summary>A host command exited with a code that does not count as success.</summary>
public sealed class CommandFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="taskName">The task.</param>
    /// <param name="command">The command line.</param>
    /// <param name="exitCode">Its exit code.</param>
    /// <param name="outputTail">The last lines of its output.</param>
    public CommandFailedException(string taskName, string command, int exitCode, string outputTail)
        : base(BuildMessage(taskName, command, exitCode, outputTail))
    {
        TaskName = taskName;
        Command = command;
        ExitCode = exitCode;
        OutputTail = outputTail;
    }

    /// <summary>The task.</summary>
    public string TaskName { get; }

    /// <summary>The command line.</summary>
    public string Command { get; }

    /// <summary>The exit code.</summary>
    public int ExitCode { get; }

    /// <summary>The last lines of standard output and error.</summary>
    public string OutputTail { get; }

    private static string BuildMessage(string taskName, string command, int exitCode, string tail) =>
        tail.Length == 0
            ? $"Task '{taskName}': command `{command}` exited with code {exitCode} (no output)."
            : $"Task '{taskName}': command `{command}` exited with code {exitCode}. Last output:{System.Environment.NewLine}{tail}";
}
