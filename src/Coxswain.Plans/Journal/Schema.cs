using Microsoft.Data.Sqlite;

namespace Coxswain.Plans.Journal;

/// <summary>Creates and checks the journal's tables, and proves the file is writable.</summary>
internal static class Schema
{
    private const int Version = 1;

    public static void Prepare(SqliteConnection connection, string path, bool checkIntegrity)
    {
        Execute(connection, "PRAGMA journal_mode = WAL");
        Execute(connection, "PRAGMA synchronous = NORMAL");
        if (checkIntegrity && Scalar(connection, "PRAGMA quick_check(1)") is string result && result != "ok")
        {
            throw new PlanJournalException($"The plan journal '{path}' is corrupt (SQLite quick_check: {result}). Move the file aside (its history is lost) or use another journal file.");
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version", transaction), System.Globalization.CultureInfo.InvariantCulture);
        if (version == 0)
        {
            Execute(connection, """
                CREATE TABLE IF NOT EXISTS runs (
                    run_id      TEXT PRIMARY KEY,
                    plan_name   TEXT NOT NULL,
                    plan_hash   TEXT NOT NULL,
                    definition  TEXT NOT NULL,
                    started_at  INTEGER NOT NULL,
                    finished_at INTEGER,
                    status      TEXT NOT NULL,
                    task_count  INTEGER NOT NULL,
                    resumes     INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX IF NOT EXISTS runs_by_start ON runs (started_at);
                CREATE TABLE IF NOT EXISTS task_results (
                    run_id      TEXT NOT NULL,
                    task        TEXT NOT NULL,
                    status      TEXT NOT NULL,
                    skip_cause  TEXT NOT NULL,
                    attempts    INTEGER NOT NULL,
                    duration    INTEGER NOT NULL,
                    started_at  INTEGER,
                    error       TEXT,
                    skip_reason TEXT,
                    message     TEXT,
                    PRIMARY KEY (run_id, task)
                ) WITHOUT ROWID;
                PRAGMA user_version = 1;
                """, transaction);
        }
        else if (version != Version)
        {
            throw new PlanJournalException($"The plan journal '{path}' has schema version {version}, but this version of Coxswain reads version {Version}. Use a journal file written by this version, or another file.");
        }
        else if (Convert.ToInt64(Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE name IN ('runs', 'task_results')", transaction), System.Globalization.CultureInfo.InvariantCulture) != 2)
        {
            throw new PlanJournalException($"The plan journal '{path}' is a SQLite database but not a plan journal (its tables are missing). Use another journal file.");
        }

        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command.ExecuteScalar();
    }
}
