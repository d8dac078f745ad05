namespace Coxswain.Engine.Testing;

/// <summary>Runs a scripted exec: waits its delay on the engine's clock, prints, exits.</summary>
internal sealed class ScriptedExecProgram(ExecScript script, ExecRequest request) : IContainerProgram
{
    public async Task<int> RunAsync(ContainerProcess process, CancellationToken cancellationToken)
    {
        var result = script.Answer(request);
        if (result.Delay > TimeSpan.Zero)
        {
            await Task.Delay(result.Delay, process.TimeProvider, cancellationToken).ConfigureAwait(false);
        }

        process.Write(LogStream.Stdout, result.Stdout);
        process.Write(LogStream.Stderr, result.Stderr);
        return (int)result.ExitCode;
    }
}
