namespace Coxswain.StackScenarios;

/// <summary>What one run of the <c>cox</c> command did.</summary>
public sealed record CoxResult(IReadOnlyList<string> Arguments, int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Stdout and stderr together, for "does the output say X" checks.</summary>
    public string Output => Stdout + Stderr;

    /// <summary>The command line and everything it printed, for failure messages.</summary>
    public string Describe() =>
        $"cox {string.Join(' ', Arguments)}\nexit code: {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}
