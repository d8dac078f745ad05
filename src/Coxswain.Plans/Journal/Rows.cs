using System.Buffers;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Coxswain.Plans.Journal;

/// <summary>Mapping between journal rows and reports.</summary>
internal static class Rows
{
    public static SqliteCommand CreateInsert(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = """
            INSERT OR REPLACE INTO task_results (run_id, task, status, skip_cause, attempts, duration, started_at, error, skip_reason, message)
            VALUES ($run, $task, $status, $cause, $attempts, $duration, $started, $error, $reason, $message)
            """;
        foreach (var name in new[] { "$run", "$task", "$status", "$cause", "$attempts", "$duration", "$started", "$error", "$reason", "$message" })
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    public static void BindTask(SqliteCommand insert, string runId, TaskReport report)
    {
        var p = insert.Parameters;
        p[0].Value = runId;
        p[1].Value = report.Name;
        p[2].Value = TaskStatusText(report.Status);
        p[3].Value = CauseText(report.SkipCause);
        p[4].Value = report.Attempts;
        p[5].Value = report.Duration.Ticks;
        p[6].Value = report.StartedAt is { } s ? s.ToUnixTimeMilliseconds() : DBNull.Value;
        p[7].Value = (object?)report.Error ?? DBNull.Value;
        p[8].Value = (object?)report.SkipReason ?? DBNull.Value;
        p[9].Value = (object?)report.Message ?? DBNull.Value;
    }

    public static IReadOnlyList<TaskReport> ReadTaskResults(SqliteConnection connection, string runId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT task, status, skip_cause, attempts, duration, started_at, error, skip_reason, message FROM task_results WHERE run_id = $run";
        command.Parameters.AddWithValue("$run", runId);
        using var reader = command.ExecuteReader();
        var list = new List<TaskReport>();
        while (reader.Read())
        {
            list.Add(new TaskReport(reader.GetString(0), Enum.Parse<PlanTaskStatus>(reader.GetString(1), ignoreCase: true))
            {
                SkipCause = ParseCause(reader.GetString(2)),
                Attempts = reader.GetInt32(3),
                Duration = TimeSpan.FromTicks(reader.GetInt64(4)),
                StartedAt = reader.IsDBNull(5) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
                Error = reader.IsDBNull(6) ? null : reader.GetString(6),
                SkipReason = reader.IsDBNull(7) ? null : reader.GetString(7),
                Message = reader.IsDBNull(8) ? null : reader.GetString(8),
            });
        }

        return list;
    }

    public static List<JournalRun> ReadRuns(SqliteConnection connection, string where, (string Name, string Value)? parameter, int limit)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT run_id, plan_name, plan_hash, started_at, finished_at, status, task_count, resumes FROM runs {where} ORDER BY started_at DESC, run_id DESC LIMIT $limit";
        if (parameter is { } p)
        {
            command.Parameters.AddWithValue(p.Name, p.Value);
        }

        command.Parameters.AddWithValue("$limit", Math.Max(0, limit));
        using var reader = command.ExecuteReader();
        var runs = new List<JournalRun>();
        while (reader.Read())
        {
            runs.Add(new JournalRun(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                reader.IsDBNull(4) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
                Enum.Parse<RunStatus>(reader.GetString(5), ignoreCase: true),
                reader.GetInt32(6),
                reader.GetInt32(7)));
        }

        return runs;
    }

    public static string WriteDefinition(IReadOnlyList<KeyValuePair<string, string>> definition)
    {
        var buffer = new ArrayBufferWriter<byte>(Math.Max(256, definition.Count * 40));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (name, hash) in definition)
            {
                json.WriteString(name, hash);
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static IReadOnlyDictionary<string, string> ReadDefinition(string text)
    {
        using var document = JsonDocument.Parse(text);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            map[property.Name] = property.Value.GetString() ?? "";
        }

        return map;
    }

    public static string StatusText(RunStatus status) => status.ToString().ToLowerInvariant();

    private static string TaskStatusText(PlanTaskStatus status) => status switch
    {
        PlanTaskStatus.Changed => "changed",
        PlanTaskStatus.Unchanged => "unchanged",
        PlanTaskStatus.Skipped => "skipped",
        PlanTaskStatus.Failed => "failed",
        _ => "cancelled",
    };

    private static string CauseText(SkipCause cause) => cause switch
    {
        SkipCause.None => "none",
        SkipCause.Condition => "condition",
        SkipCause.DependencyFailed => "dependency_failed",
        SkipCause.Stopped => "stopped",
        _ => "cancelled",
    };

    private static SkipCause ParseCause(string text) => text switch
    {
        "none" => SkipCause.None,
        "condition" => SkipCause.Condition,
        "dependency_failed" => SkipCause.DependencyFailed,
        "stopped" => SkipCause.Stopped,
        _ => SkipCause.Cancelled,
    };
}
