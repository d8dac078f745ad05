using Coxswain.Cli.Engines;
using Coxswain.Cli.Output;
using Coxswain.Engine;
using Spectre.Console;

namespace Coxswain.Cli.Commands;

/// <summary>Runs a command's body and turns the errors every command shares into messages and exit codes:
/// no engine → <see cref="ExitCodes.EngineUnavailable"/>, an engine error → <see cref="ExitCodes.Failure"/>,
/// Ctrl+C → <see cref="ExitCodes.Cancelled"/>.</summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(CliContext context, bool json, Func<CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            return await body(cancellationToken).ConfigureAwait(false);
        }
        catch (EngineUnavailableException ex)
        {
            EngineUnavailableOutput.Write(context, ex, json);
            return ExitCodes.EngineUnavailable;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync("cox: interrupted").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (EngineException ex)
        {
            Terminal.ForError(context).MarkupLineInterpolated($"[red]cox: {ex.Message}[/]");
            return ExitCodes.Failure;
        }
    }
}
