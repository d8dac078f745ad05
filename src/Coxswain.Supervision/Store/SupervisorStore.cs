using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Coxswain.Supervision;

/// <summary>
/// The supervisor's state in one SQLite file (WAL): supervised stacks, each service's restart tracker state (counters,
/// failed, user-stopped), in-flight operations, the event history and crash dossiers. Every write is its own committed
/// transaction, so a kill -9 at any moment leaves the last written state. Thread-safe (one connection behind a lock).
/// </summary>
public sealed partial class SupervisorStore : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();

    private SupervisorStore(string path, SqliteConnection connection)
    {
        Path = path;
        _connection = connection;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>Opens (creating when needed) the store at <paramref name="path"/>.</summary>
    /// <param name="path">The SQLite file; its folder is created when missing.</param>
    /// <returns>The store.</returns>
    /// <exception cref="SupervisorStoreException">When the file cannot be opened or is not a supervisor store, with what to do.</exception>
    public static SupervisorStore Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 5,
        }.ToString());
        try
        {
            connection.Open();
            StoreSchema.Prepare(connection);
            return new SupervisorStore(path, connection);
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw new SupervisorStoreException(
                $"the supervisor state file '{path}' cannot be used (SQLite: {ex.Message}); check that no other daemon holds it and that it is writable, or move it aside (its history is lost)", ex);
        }
    }

    /// <summary>Records (or replaces) a supervised stack.</summary>
    /// <param name="source">Where it is loaded from.</param>
    public void SaveStack(StackSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Write("INSERT OR REPLACE INTO stacks (project, files, working_dir, profiles) VALUES ($p, $f, $w, $pr)",
            ("$p", source.Project), ("$f", Json(source.Files)), ("$w", source.WorkingDirectory), ("$pr", Json(source.Profiles)));
    }

    /// <summary>Forgets a stack and its services' state (history stays).</summary>
    /// <param name="project">The project.</param>
    public void RemoveStack(string project)
    {
        Write("DELETE FROM stacks WHERE project = $p", ("$p", project));
        Write("DELETE FROM services WHERE project = $p", ("$p", project));
    }

    /// <summary>The supervised stacks, by project name.</summary>
    /// <returns>The stacks.</returns>
    public IReadOnlyList<StackSource> Stacks() => Read("SELECT project, files, working_dir, profiles FROM stacks ORDER BY project", [], r =>
        new StackSource(r.GetString(0), Strings(r.GetString(1)), r.GetString(2)) { Profiles = Strings(r.GetString(3)) });

    /// <summary>Saves a service's tracker state.</summary>
    /// <param name="project">The stack.</param>
    /// <param name="service">The service.</param>
    /// <param name="state">The state.</param>
    public void SaveService(string project, string service, RestartTrackerState state) =>
        Write("INSERT OR REPLACE INTO services (project, service, state) VALUES ($p, $s, $st)",
            ("$p", project), ("$s", service), ("$st", JsonSerializer.Serialize(state, StoreJsonContext.Default.RestartTrackerState)));

    /// <summary>The saved tracker states of a stack's services.</summary>
    /// <param name="project">The stack.</param>
    /// <returns>State by service name.</returns>
    public IReadOnlyDictionary<string, RestartTrackerState> Services(string project) =>
        Read("SELECT service, state FROM services WHERE project = $p", [("$p", project)], r =>
            (r.GetString(0), JsonSerializer.Deserialize(r.GetString(1), StoreJsonContext.Default.RestartTrackerState) ?? new RestartTrackerState()))
        .ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);

    /// <summary>Appends to the event history.</summary>
    /// <param name="e">The event.</param>
    public void AppendEvent(SupervisorEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        Write("INSERT INTO events (time, kind, project, service, message) VALUES ($t, $k, $p, $s, $m)",
            ("$t", e.Time.ToUnixTimeMilliseconds()), ("$k", e.Kind.ToString()), ("$p", e.Project), ("$s", e.Service), ("$m", e.Message));
    }

    /// <summary>The latest events, oldest first.</summary>
    /// <param name="limit">How many at most.</param>
    /// <param name="project">Only this stack, when given.</param>
    /// <returns>The events.</returns>
    public IReadOnlyList<SupervisorEvent> Events(int limit = 100, string? project = null) =>
        Enumerable.Reverse(Read("SELECT time, kind, project, service, message FROM events WHERE $p IS NULL OR project = $p ORDER BY id DESC LIMIT $n",
            [("$p", project), ("$n", limit)],
            r => new SupervisorEvent(DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(0)), Enum.Parse<SupervisorEventKind>(r.GetString(1)),
                r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4)))).ToList();

    /// <summary>Keeps a crash dossier.</summary>
    /// <param name="dossier">The dossier.</param>
    public void AppendDossier(CrashDossier dossier)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        Write("INSERT INTO dossiers (time, project, service, body) VALUES ($t, $p, $s, $b)",
            ("$t", dossier.Failure.At.ToUnixTimeMilliseconds()), ("$p", dossier.Project), ("$s", dossier.Service),
            ("$b", JsonSerializer.Serialize(dossier, StoreJsonContext.Default.CrashDossier)));
    }

    /// <summary>The latest crash dossiers of a service, newest first.</summary>
    /// <param name="project">The stack.</param>
    /// <param name="service">The service.</param>
    /// <param name="limit">How many at most.</param>
    /// <returns>The dossiers.</returns>
    public IReadOnlyList<CrashDossier> Dossiers(string project, string service, int limit = 10) =>
        Read("SELECT body FROM dossiers WHERE project = $p AND service = $s ORDER BY id DESC LIMIT $n", [("$p", project), ("$s", service), ("$n", limit)],
            r => JsonSerializer.Deserialize(r.GetString(0), StoreJsonContext.Default.CrashDossier)!);

    /// <summary>Records the start of an operation; <see cref="EndOperation"/> removes it. What is left after a crash is in flight.</summary>
    /// <param name="project">The stack.</param>
    /// <param name="service">The service, or null.</param>
    /// <param name="what">What is done.</param>
    /// <param name="at">When.</param>
    /// <returns>Its id.</returns>
    public long BeginOperation(string project, string? service, string what, DateTimeOffset at)
    {
        lock (_gate)
        {
            using var command = Command("INSERT INTO operations (project, service, what, started_at) VALUES ($p, $s, $w, $t); SELECT last_insert_rowid();",
                ("$p", project), ("$s", service), ("$w", what), ("$t", at.ToUnixTimeMilliseconds()));
            return (long)command.ExecuteScalar()!;
        }
    }

    /// <summary>Marks an operation finished.</summary>
    /// <param name="id">Its id.</param>
    public void EndOperation(long id) => Write("DELETE FROM operations WHERE id = $i", ("$i", id));

    /// <summary>Operations begun and never finished (left by a crash), oldest first.</summary>
    /// <returns>The operations.</returns>
    public IReadOnlyList<InFlightOperation> InFlight() => Read("SELECT id, project, service, what, started_at FROM operations ORDER BY id", [], r =>
        new InFlightOperation(r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4))));

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_gate)
        {
            _connection.Dispose();
        }
    }
}
