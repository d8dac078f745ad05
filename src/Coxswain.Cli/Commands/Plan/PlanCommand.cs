using System.CommandLine;

namespace Coxswain.Cli.Commands.Plan;

/// <summary><c>cox plan run | resume | history</c>: YAML plans of tasks, run with progress, journaled and resumable.</summary>
internal static class PlanCommand
{
    /// <summary>How many runs <c>cox plan history</c> lists unless told: 20.</summary>
    public const int DefaultHistoryLimit = 20;

    public static Command Create(CliContext context, GlobalOptions global)
    {
        var command = new Command(
            "plan",
            "Run YAML plans: tasks with dependencies run in parallel waves, only-if-changed, retried, reported, journaled and resumable. "
            + "Task types: command, http, noop, fail, and on the engine image, network, container, stop, remove, restart, exec, wait (running, exit, log, port, healthy), stack.");
        command.Subcommands.Add(CreateRun(context, global));
        command.Subcommands.Add(CreateResume(context, global));
        command.Subcommands.Add(CreateHistory(context));
        return command;
    }

    private static Command CreateRun(CliContext context, GlobalOptions global)
    {
        var file = new Argument<string>("file") { Description = "The plan file (YAML)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Change nothing: print the waves and, per task, 'would change' or 'no change'" };
        var json = JsonOption();
        var journal = JournalOption();
        var variables = VarOption();
        var command = new Command(
            "run",
            "Run a plan. Progress shows live; the report ends it. Every task result is journaled as it finishes, so a run that "
            + "was killed or failed can be resumed with `cox plan resume <run-id>`. Exit code 0 when every task succeeded, "
            + "1 when one failed, 130 when interrupted (running tasks are cancelled and reported).")
        {
            file, dryRun, json, journal, variables,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var request = new PlanRequest
            {
                File = parse.GetValue(file),
                DryRun = parse.GetValue(dryRun),
                Json = parse.GetValue(json),
                Journal = parse.GetValue(journal),
                Variables = ParseVariables(parse.GetValue(variables)),
                Host = parse.GetValue(global.Host),
            };
            return CommandRunner.RunAsync(context, request.Json, ct => PlanRunner.RunAsync(context, request, ct), cancellationToken);
        });
        return command;
    }

    private static Command CreateResume(CliContext context, GlobalOptions global)
    {
        var runId = new Argument<string>("run-id") { Description = "The run to resume (see `cox plan history`)" };
        var file = new Option<string?>("--file") { Description = "The plan file, when not the one the run was started with", HelpName = "file" };
        var json = JsonOption();
        var journal = JournalOption();
        var variables = VarOption();
        var command = new Command(
            "resume",
            "Resume a run that was killed, failed or interrupted: tasks that succeeded keep their journaled results (conditions "
            + "see them) and are not run again; every other task runs. Refused when the plan file changed since the run started.")
        {
            runId, file, json, journal, variables,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var request = new PlanRequest
            {
                ResumeRunId = parse.GetValue(runId),
                File = parse.GetValue(file),
                Json = parse.GetValue(json),
                Journal = parse.GetValue(journal),
                Variables = ParseVariables(parse.GetValue(variables)),
                Host = parse.GetValue(global.Host),
            };
            return CommandRunner.RunAsync(context, request.Json, ct => PlanRunner.RunAsync(context, request, ct), cancellationToken);
        });
        return command;
    }

    private static Command CreateHistory(CliContext context)
    {
        var json = JsonOption();
        var journal = JournalOption();
        var limit = new Option<int>("--limit") { Description = "List at most this many runs", DefaultValueFactory = _ => DefaultHistoryLimit };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--limit must be at least 1.");
            }
        });
        var command = new Command("history", "List the runs in the journal, newest first: id, plan, status, start, time, tasks, resumes, file.")
        {
            json, journal, limit,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var useJson = parse.GetValue(json);
            return CommandRunner.RunAsync(
                context, useJson, ct => PlanHistoryAction.RunAsync(context, parse.GetValue(journal), useJson, parse.GetValue(limit), ct), cancellationToken);
        });
        return command;
    }

    private static Option<bool> JsonOption() => new("--json") { Description = "Print the result as one JSON document on stdout" };

    private static Option<string?> JournalOption() => new("--journal")
    {
        Description = "The journal file (SQLite). Default: $XDG_DATA_HOME/coxswain/plans.db, else ~/.local/share/coxswain/plans.db",
        HelpName = "path",
    };

    private static Option<string[]> VarOption()
    {
        var option = new Option<string[]>("--var")
        {
            Description = "Set a plan variable (overrides the file's 'variables'); repeatable",
            HelpName = "name=value",
            Arity = ArgumentArity.ZeroOrMore,
        };
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.IndexOf('=', StringComparison.Ordinal) < 1)
                {
                    result.AddError($"--var '{token.Value}' is not name=value (e.g. --var port=8080).");
                }
            }
        });
        return option;
    }

    private static Dictionary<string, string> ParseVariables(string[]? values)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values ?? [])
        {
            var at = value.IndexOf('=', StringComparison.Ordinal);
            variables[value[..at]] = value[(at + 1)..];
        }

        return variables;
    }
}
