using Coxswain.Cli.Output;
using Coxswain.Stacks;
using Spectre.Console;

namespace Coxswain.Cli.Commands.Stack;

/// <summary>Prints stack progress as one line per finished operation (✓ / ✗), with retries and probe progress; colour only on a
/// terminal and without NO_COLOR. Safe to call from the executor's parallel tasks.</summary>
internal sealed class StackProgressWriter(CliContext context) : IProgress<StackEvent>
{
    private readonly IAnsiConsole _console = Terminal.ForOut(context);
    private readonly Lock _gate = new();

    public void Report(StackEvent value)
    {
        var line = value.Kind switch
        {
            StackEventKind.Finished => $"[green]{Symbols.Ok}[/] {Markup.Escape(value.Operation)}{Detail(value)}",
            StackEventKind.Failed => $"[red]{Symbols.Failed} {Markup.Escape(value.Operation)}[/]",
            StackEventKind.Skipped => $"[grey]{Symbols.Skipped} {Markup.Escape(value.Operation)} ({Markup.Escape(value.Message)})[/]",
            StackEventKind.Progress when value.Message.Contains("retrying", StringComparison.Ordinal) || value.Message.Contains("probe", StringComparison.Ordinal)
                => $"[yellow]…[/] {Markup.Escape(value.Operation)}: {Markup.Escape(value.Message)}",
            _ => null,
        };
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _console.MarkupLine(line);
        }
    }

    private static string Detail(StackEvent value) =>
        value.Message.Length == 0 || value.Operation.StartsWith("wait for", StringComparison.Ordinal) ? "" : $" ({Markup.Escape(value.Message)})";
}
