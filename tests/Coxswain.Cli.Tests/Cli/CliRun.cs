using Coxswain.Cli.Engines;

namespace Coxswain.Cli.Tests.Cli;

/// <summary>Runs <c>cox</c> in-process with captured output and a chosen environment.</summary>
internal sealed class CliRun
{
    public required IEngineConnector Engines { get; init; }

    public Dictionary<string, string> Variables { get; init; } = new(StringComparer.Ordinal);

    public bool Terminal { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public StringWriter Out { get; } = new();

    public StringWriter Error { get; } = new();

    public async Task<int> RunAsync(params string[] args)
    {
        var context = new CliContext
        {
            Out = Out,
            Error = Error,
            GetVariable = name => Variables.TryGetValue(name, out var value) ? value : null,
            OutputIsTerminal = Terminal,
            ErrorIsTerminal = Terminal,
            Engines = Engines,
            Time = Time,
        };
        return await CoxApp.RunAsync(args, context, handleTermination: false, Xunit.TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(60), Xunit.TestContext.Current.CancellationToken);
    }
}
