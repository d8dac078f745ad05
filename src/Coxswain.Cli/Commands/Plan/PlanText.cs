using Coxswain.Cli.Output;
using Coxswain.Plans;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Coxswain.Cli.Commands.Plan;

/// <summary>How tasks and reports look in text: marks, colours, one-line results and the final table.</summary>
internal static class PlanText
{
    public static string Mark(PlanTaskStatus status) => status switch
    {
        PlanTaskStatus.Changed or PlanTaskStatus.Unchanged => Symbols.Ok,
        PlanTaskStatus.Skipped => Symbols.Skipped,
        _ => Symbols.Failed,
    };

    public static string Color(PlanTaskStatus status) => status switch
    {
        PlanTaskStatus.Changed => "yellow",
        PlanTaskStatus.Unchanged => "green",
        PlanTaskStatus.Skipped => "grey",
        _ => "red",
    };

    public static string Name(PlanTaskStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>What to show next to the status: the error, the skip reason or the message, and retries.</summary>
    public static string Detail(TaskReport t)
    {
        var detail = t.Status switch
        {
            PlanTaskStatus.Failed => t.Error ?? "",
            PlanTaskStatus.Skipped or PlanTaskStatus.Cancelled => t.SkipReason ?? "",
            _ => t.Message ?? "",
        };
        if (t.Attempts > 1)
        {
            detail += $" (after {t.Attempts} attempts)";
        }

        if (t.Resumed)
        {
            detail = "from the journal: " + detail;
        }

        return detail.Trim();
    }

    /// <summary>"✓ web: changed — created and started web (0.4 s)" as markup.</summary>
    public static string ResultMarkup(TaskReport t)
    {
        var detail = Detail(t);
        var time = t.Attempts > 0 && !t.Resumed ? $" [grey]({Durations.Format(t.Duration)})[/]" : "";
        var more = t.Status == PlanTaskStatus.Failed && detail.Contains('\n', StringComparison.Ordinal)
            ? "\n" + string.Join('\n', detail.Split('\n').Skip(1).Select(line => "    " + Markup.Escape(line)))
            : "";
        return $"[{Color(t.Status)}]{Mark(t.Status)}[/] {Markup.Escape(t.Name)}: [{Color(t.Status)}]{Name(t.Status)}[/]"
            + (detail.Length > 0 ? " — " + Markup.Escape(FirstLine(detail)) : "") + time + more;
    }

    /// <summary>The final table: task, status, time, detail.</summary>
    public static IRenderable Table(Report report, bool terminal)
    {
        var table = new Table().Border(terminal ? TableBorder.Rounded : TableBorder.None);
        table.AddColumn("TASK").AddColumn("STATUS").AddColumn(new TableColumn("TIME").RightAligned()).AddColumn("DETAIL");
        foreach (var t in report.Tasks)
        {
            table.AddRow(
                new Markup(Markup.Escape(t.Name)),
                new Markup($"[{Color(t.Status)}]{Name(t.Status)}[/]"),
                new Markup(t.Attempts > 0 && !t.Resumed ? Durations.Format(t.Duration) : "-"),
                new Markup(Markup.Escape(FirstLine(Detail(t)))));
        }

        return table;
    }

    public static string FirstLine(string text) => text.IndexOf('\n', StringComparison.Ordinal) is var i and >= 0 ? text[..i] + " …" : text;
}
