using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Coxswain.Cli.Commands.Plan;

/// <summary>
/// The CLI's own table in the plan journal file (<c>cli_plan_runs</c>): which file, variables and host each run was
/// started with, so <c>cox plan resume &lt;run-id&gt;</c> needs nothing else. The journal's own tables are untouched.
/// </summary>
internal sealed class PlanRunRecords : IDisposable
{
    private readonly SqliteConnection connection;

    private PlanRunRecords(SqliteConnection connection) => this.connection = connection;

    /// <summary>Opens the table in the journal at <paramref name="path"/> (which the journal has already checked), creating it if needed.</summary>
    public static PlanRunRecords Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 5,
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE IF NOT EXISTS cli_plan_runs (run_id TEXT PRIMARY KEY, file TEXT NOT NULL, variables TEXT NOT NULL, host TEXT)";
        command.ExecuteNonQuery();
        return new PlanRunRecords(connection);
    }

    public void Save(PlanRunRecord record)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR REPLACE INTO cli_plan_runs (run_id, file, variables, host) VALUES ($id, $file, $vars, $host)";
        command.Parameters.AddWithValue("$id", record.RunId);
        command.Parameters.AddWithValue("$file", record.File);
        command.Parameters.AddWithValue("$vars", JsonSerializer.Serialize(record.Variables, PlanJson.Default.IReadOnlyDictionaryStringString));
        command.Parameters.AddWithValue("$host", (object?)record.Host ?? DBNull.Value);
        command.ExecuteNonQuery();
    }

    public PlanRunRecord? Find(string runId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT file, variables, host FROM cli_plan_runs WHERE run_id = $id";
        command.Parameters.AddWithValue("$id", runId);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var variables = JsonSerializer.Deserialize(reader.GetString(1), PlanJson.Default.IReadOnlyDictionaryStringString) ?? new Dictionary<string, string>();
        return new PlanRunRecord(runId, reader.GetString(0), variables, reader.IsDBNull(2) ? null : reader.GetString(2));
    }

    public void Dispose() => connection.Dispose();
}
