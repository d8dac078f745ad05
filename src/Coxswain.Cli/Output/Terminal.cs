using Spectre.Console;

namespace Coxswain.Cli.Output;

/// <summary>Creates the Spectre console for stdout or stderr: colour only on an interactive terminal, never when NO_COLOR is set
/// or TERM is dumb; plain text without wrapping when redirected.</summary>
internal static class Terminal
{
    /// <summary>Width used when the output is not a terminal, so long lines (hints, paths) are never wrapped.</summary>
    private const int PlainWidth = 4096;

    /// <summary>Whether to use colour on a writer that is (or is not) an interactive terminal.</summary>
    public static bool UseColor(CliContext context, bool isTerminal) =>
        isTerminal
        && string.IsNullOrEmpty(context.GetVariable("NO_COLOR"))
        && !string.Equals(context.GetVariable("TERM"), "dumb", StringComparison.Ordinal);

    /// <summary>A console over stdout.</summary>
    public static IAnsiConsole ForOut(CliContext context) => Create(context, context.Out, context.OutputIsTerminal);

    /// <summary>A console over stderr.</summary>
    public static IAnsiConsole ForError(CliContext context) => Create(context, context.Error, context.ErrorIsTerminal);

    private static IAnsiConsole Create(CliContext context, TextWriter writer, bool isTerminal)
    {
        var color = UseColor(context, isTerminal);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = color ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!isTerminal)
        {
            console.Profile.Width = PlainWidth;
        }

        return console;
    }
}
