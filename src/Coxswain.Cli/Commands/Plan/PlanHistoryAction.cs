using Coxswain.Cli.Output;
using Coxswain.Plans.Journal;
using Spectre.Console;

namespace Coxswain.Cli.Commands.Plan;

/// <summary><c>cox plan history</c>: the runs in the journal, newest first.</summary>
internal static class PlanHistoryAction
{
    public static async Task<int> RunAsync(CliContext context, string? journalOption, bool json, int limit, CancellationToken cancellationToken)
    {
        var journalPath = PlanJournalPath.Resolve(context, journalOption);
        SqlitePlanJournal journal;
        try
        {
            journal = SqlitePlanJournal.Open(journalPath);
        }
        catch (PlanJournalException ex)
        {
            Terminal.ForError(context).MarkupLine($"[red]cox: {Markup.Escape(ex.Message)}[/]");
            return ExitCodes.Failure;
        }

        await using (journal.ConfigureAwait(false))
        {
            using var records = PlanRunRecords.Open(journalPath);
            var runs = await journal.ListRunsAsync(limit, cancellationToken).ConfigureAwait(false);
            var rows = runs.Select(r => PlanJsonHistoryRun.From(r, records.Find(r.RunId))).ToList();
            if (json)
            {
                PlanJson.Write<IReadOnlyList<PlanJsonHistoryRun>>(context.Out, rows);
                return ExitCodes.Ok;
            }

            var console = Terminal.ForOut(context);
            if (rows.Count == 0)
            {
                console.WriteLine($"no plan runs in {journalPath} yet; `cox plan run FILE` starts one.");
                return ExitCodes.Ok;
            }

            var table = new Table().Border(context.OutputIsTerminal ? TableBorder.Rounded : TableBorder.None);
            table.AddColumn("RUN").AddColumn("PLAN").AddColumn("STATUS").AddColumn("STARTED").AddColumn(new TableColumn("TIME").RightAligned())
                .AddColumn(new TableColumn("TASKS").RightAligned()).AddColumn(new TableColumn("RESUMES").RightAligned()).AddColumn("FILE");
            foreach (var run in rows)
            {
                var color = run.Status switch
                {
                    "succeeded" => "green",
                    "running" => "blue",
                    "cancelled" => "yellow",
                    _ => "red",
                };
                table.AddRow(
                    Markup.Escape(run.RunId),
                    Markup.Escape(run.Plan),
                    $"[{color}]{run.Status}[/]",
                    run.StartedAt.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                    run.FinishedAt is { } f ? Durations.Format(f - run.StartedAt) : "-",
                    run.Tasks.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    run.Resumes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Markup.Escape(run.File ?? "-"));
            }

            console.Write(table);
            return ExitCodes.Ok;
        }
    }
}
