using Coxswain.Cli.Output;
using Coxswain.Plans;
using Coxswain.Plans.Journal;
using Coxswain.Plans.Operations;
using Coxswain.Plans.Operations.Engine;
using Coxswain.Plans.Yaml;
using Spectre.Console;

namespace Coxswain.Cli.Commands.Plan;

/// <summary>
/// What <c>cox plan run</c> and <c>cox plan resume</c> do: load the YAML plan with the engine operations, open the
/// journal, run (or resume, or dry-run) it with live progress, print the report. Exit code 0 when every task
/// succeeded, 1 when one failed (or the plan, the journal or the resume was refused), 130 when interrupted.
/// </summary>
internal static class PlanRunner
{
    public static async Task<int> RunAsync(CliContext context, PlanRequest request, CancellationToken cancellationToken)
    {
        if (request.DryRun)
        {
            return await DryRunAsync(context, request, cancellationToken).ConfigureAwait(false);
        }

        var journalPath = PlanJournalPath.Resolve(context, request.Journal);
        SqlitePlanJournal journal;
        try
        {
            journal = SqlitePlanJournal.Open(journalPath);
        }
        catch (PlanJournalException ex)
        {
            return Fail(context, ex.Message);
        }

        await using (journal.ConfigureAwait(false))
        {
            using var records = PlanRunRecords.Open(journalPath);
            if (request.ResumeRunId is { } runId)
            {
                if (await journal.FindRunAsync(runId, cancellationToken).ConfigureAwait(false) is null)
                {
                    return Fail(context, $"the journal {journalPath} has no run '{runId}'. `cox plan history` lists the runs (use --journal for another journal).");
                }

                var record = records.Find(runId);
                if ((request.File ?? record?.File) is not { } file)
                {
                    return Fail(context, $"run '{runId}' in {journalPath} was not started by `cox plan run`, so its plan file is unknown; pass it with --file.");
                }

                request = request with { File = file, Variables = Merge(record?.Variables, request.Variables), Host = request.Host ?? record?.Host };
            }

            return await RunJournaledAsync(context, request, journal, journalPath, records, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<int> RunJournaledAsync(
        CliContext context, PlanRequest request, SqlitePlanJournal journal, string journalPath, PlanRunRecords records, CancellationToken cancellationToken)
    {
        var view = CreateView(context, request);
        var engines = new PlanEngineResolver(context, request.Host, view.Note, cancellationToken);
        await using var disposeEngines = engines.ConfigureAwait(false);
        var file = request.File!;
        if (Load(context, file, request.Variables, new PlanOptions { TimeProvider = context.Time, Engines = engines, Progress = view }) is not { } loaded)
        {
            return ExitCodes.Failure;
        }

        engines.Targets = loaded.Targets;
        var plan = loaded.Plan;
        var fullPath = Path.GetFullPath(file);
        var recording = new RecordingJournal(
            journal,
            records,
            id => new PlanRunRecord(id, fullPath, request.Variables, request.Host),
            id => view.RunStarted(id, journalPath, request.ResumeRunId is not null));
        view.Begin(plan, file);
        Report report;
        try
        {
            report = await view.ShowAsync(() => request.ResumeRunId is { } id
                ? plan.ResumeAsync(recording, id, cancellationToken)
                : plan.RunAsync(recording, cancellationToken)).ConfigureAwait(false);
        }
        catch (PlanResumeException ex)
        {
            return Fail(context, ex.Message);
        }
        catch (PlanJournalException ex)
        {
            return Fail(context, ex.Message);
        }

        view.Finish(report);
        return report.Status switch
        {
            RunStatus.Succeeded => ExitCodes.Ok,
            RunStatus.Cancelled => ExitCodes.Cancelled,
            _ => ExitCodes.Failure,
        };
    }

    private static async Task<int> DryRunAsync(CliContext context, PlanRequest request, CancellationToken cancellationToken)
    {
        var file = request.File!;
        var view = CreateView(context, request);
        var engines = new PlanEngineResolver(context, request.Host, view.Note, cancellationToken);
        await using var disposeEngines = engines.ConfigureAwait(false);
        if (Load(context, file, request.Variables, new PlanOptions { TimeProvider = context.Time, Engines = engines }) is not { } loaded)
        {
            return ExitCodes.Failure;
        }

        engines.Targets = loaded.Targets;
        var result = await loaded.Plan.DryRunAsync(cancellationToken).ConfigureAwait(false);
        if (request.Json)
        {
            PlanJson.Write(context.Out, PlanJsonDryRun.From(result, file));
        }
        else
        {
            await context.Out.WriteAsync(result.Render()).ConfigureAwait(false);
        }

        return ExitCodes.Ok;
    }

    private static IPlanView CreateView(CliContext context, PlanRequest request) =>
        request.Json ? new JsonPlanView(context)
        : context.OutputIsTerminal ? new LivePlanView(context)
        : new PlainPlanView(context);

    private static YamlPlan? Load(CliContext context, string file, IReadOnlyDictionary<string, string> variables, PlanOptions options)
    {
        try
        {
            return YamlPlanLoader.LoadFile(file, new YamlPlanLoadOptions
            {
                Operations = Coxswain.Stacks.PlanOperations.StackPlanOperations.Register(EngineOperations.Register(OperationRegistry.CreateDefault())),
                Variables = variables,
                PlanOptions = options,
            });
        }
        catch (PlanValidationException ex)
        {
            Fail(context, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Fail(context, $"cannot read the plan file {file}: {ex.Message}");
        }

        return null;
    }

    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string>? recorded, IReadOnlyDictionary<string, string> given)
    {
        var merged = new Dictionary<string, string>(recorded ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (key, value) in given)
        {
            merged[key] = value;
        }

        return merged;
    }

    private static int Fail(CliContext context, string message)
    {
        Terminal.ForError(context).MarkupLine($"[red]cox: {Markup.Escape(message)}[/]");
        return ExitCodes.Failure;
    }
}
