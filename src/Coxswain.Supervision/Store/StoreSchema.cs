using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Coxswain.Supervision;

/// <summary>Creates the store's tables (schema version 1 in <c>user_version</c>).</summary>
internal static class StoreSchema
{
    private const int Version = 1;

    public static void Prepare(SqliteConnection connection)
    {
        Execute(connection, "PRAGMA journal_mode = WAL");
        Execute(connection, "PRAGMA synchronous = NORMAL");
        using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA user_version";
        var version = Convert.ToInt32(check.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (version > Version)
        {
            throw new SupervisorStoreException($"the supervisor state file has schema version {version}, newer than this Coxswain knows ({Version}); upgrade Coxswain");
        }

        Execute(connection, """
            CREATE TABLE IF NOT EXISTS stacks (project TEXT PRIMARY KEY, files TEXT NOT NULL, working_dir TEXT NOT NULL, profiles TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS services (project TEXT NOT NULL, service TEXT NOT NULL, state TEXT NOT NULL, PRIMARY KEY (project, service));
            CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY AUTOINCREMENT, time INTEGER NOT NULL, kind TEXT NOT NULL, project TEXT NOT NULL, service TEXT, message TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS dossiers (id INTEGER PRIMARY KEY AUTOINCREMENT, time INTEGER NOT NULL, project TEXT NOT NULL, service TEXT NOT NULL, body TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS dossiers_by_service ON dossiers (project, service);
            CREATE TABLE IF NOT EXISTS operations (id INTEGER PRIMARY KEY AUTOINCREMENT, project TEXT NOT NULL, service TEXT, what TEXT NOT NULL, started_at INTEGER NOT NULL);
            PRAGMA user_version = 1;
            """);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
