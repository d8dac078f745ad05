using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Coxswain.Plans.Journal;

/// <summary>
/// A plan journal in one SQLite file (WAL mode): a row per run (id, plan name, definition hash,
/// start, status) and a row per task result. Results are queued by the executor and written by
/// one background writer in batched transactions.
/// </summary>
/// <remarks>
/// Durability is per batch: a batch is committed as soon as the writer picks it up, so under
/// light load each result is committed within moments of its task finishing, and under heavy load
/// results are grouped. If the process dies, results not yet committed are missing and those tasks
/// simply run again on resume; a result in the journal always happened. WAL with
/// <c>synchronous=NORMAL</c> survives a process crash; a power loss may drop the last commits
/// (again: those tasks rerun). Several runs (and processes) may share one journal file.
/// </remarks>
public sealed partial class SqlitePlanJournal : IPlanJournal, IAsyncDisposable, IDisposable
{
    private readonly SqliteConnection connection;
    private readonly Lock gate = new();
    private readonly Channel<Work> queue = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task writer;
    private readonly int maxBatchSize;
    private Exception? writeFault;
    private bool disposed;

    private SqlitePlanJournal(string path, SqliteConnection connection, int maxBatchSize)
    {
        Path = path;
        this.connection = connection;
        this.maxBatchSize = maxBatchSize;
        writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>The journal file.</summary>
    public string Path { get; }

    /// <summary>
    /// Opens (creating if needed) the journal at <paramref name="path"/> and checks that it is a
    /// journal and can be written, so a locked or corrupt file fails here, before any task runs.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Settings; defaults when null.</param>
    /// <exception cref="PlanJournalException">Locked, corrupt, of another schema, or not writable — with what to do.</exception>
    public static SqlitePlanJournal Open(string path, SqlitePlanJournalOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= new SqlitePlanJournalOptions();
        var timeoutSeconds = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds));
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = timeoutSeconds,
        }.ToString();
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            Schema.Prepare(connection, path, options.CheckIntegrity);
            return new SqlitePlanJournal(path, connection, Math.Max(1, options.MaxBatchSize));
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw Explain(path, ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public Task StartRunAsync(JournalRunStart run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Locked(() =>
        {
            using var command = connection.CreateCommand();
            if (run.IsResume)
            {
                command.CommandText = "UPDATE runs SET status = 'running', finished_at = NULL, resumes = resumes + 1 WHERE run_id = $id";
                command.Parameters.AddWithValue("$id", run.RunId);
            }
            else
            {
                command.CommandText = """
                    INSERT INTO runs (run_id, plan_name, plan_hash, definition, started_at, finished_at, status, task_count, resumes)
                    VALUES ($id, $name, $hash, $definition, $started, NULL, 'running', $count, 0)
                    """;
                command.Parameters.AddWithValue("$id", run.RunId);
                command.Parameters.AddWithValue("$name", run.PlanName);
                command.Parameters.AddWithValue("$hash", run.PlanHash);
                command.Parameters.AddWithValue("$definition", Rows.WriteDefinition(run.Definition));
                command.Parameters.AddWithValue("$started", run.StartedAt.ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("$count", run.Definition.Count);
            }

            if (command.ExecuteNonQuery() != 1)
            {
                throw new PlanJournalException($"The plan journal '{Path}' has no run '{run.RunId}' to resume.");
            }

            return 0;
        });
    }

    /// <inheritdoc />
    public void RecordTask(string runId, TaskReport report)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        queue.Writer.TryWrite(new Work(runId, report, null));
    }

    /// <inheritdoc />
    public async Task FinishRunAsync(string runId, RunStatus status, DateTimeOffset finishedAt, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        await Locked(() =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE runs SET status = $status, finished_at = $finished WHERE run_id = $id";
            command.Parameters.AddWithValue("$status", Rows.StatusText(status));
            command.Parameters.AddWithValue("$finished", finishedAt.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$id", runId);
            command.ExecuteNonQuery();
            return 0;
        }).ConfigureAwait(false);
    }

    /// <summary>Waits until every result queued so far is committed.</summary>
    /// <param name="cancellationToken">Stops waiting (the write still happens).</param>
    /// <exception cref="PlanJournalException">The writer failed.</exception>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        queue.Writer.TryWrite(new Work(null, null, done));
        await done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<JournalRun?> FindRunAsync(string runId, CancellationToken cancellationToken) =>
        Locked(() => Rows.ReadRuns(connection, "WHERE run_id = $id", ("$id", runId), 1).FirstOrDefault());

    /// <inheritdoc />
    public Task<IReadOnlyList<JournalRun>> ListRunsAsync(int limit, CancellationToken cancellationToken) =>
        Locked<IReadOnlyList<JournalRun>>(() => Rows.ReadRuns(connection, "", null, limit));

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, string>> ReadDefinitionAsync(string runId, CancellationToken cancellationToken) =>
        Locked(() =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT definition FROM runs WHERE run_id = $id";
            command.Parameters.AddWithValue("$id", runId);
            return command.ExecuteScalar() is string text
                ? Rows.ReadDefinition(text)
                : throw new PlanJournalException($"The plan journal '{Path}' has no run '{runId}'.");
        });

    /// <inheritdoc />
    public Task<IReadOnlyList<TaskReport>> ReadTaskResultsAsync(string runId, CancellationToken cancellationToken) =>
        Locked(() => Rows.ReadTaskResults(connection, runId));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        queue.Writer.TryComplete();
        await writer.ConfigureAwait(false);
        connection.Dispose();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        queue.Writer.TryComplete();
        writer.GetAwaiter().GetResult();
        connection.Dispose();
    }

    private static PlanJournalException Explain(string path, SqliteException ex) => ex.SqliteErrorCode switch
    {
        5 or 6 => new PlanJournalException(
            $"The plan journal '{path}' is locked by another process (SQLite: {ex.Message}). Wait for the other run to finish, or use another journal file.", ex),
        11 or 26 => new PlanJournalException(
            $"The plan journal '{path}' is corrupt or not a journal (SQLite: {ex.Message}). Move the file aside (its history is lost) or use another journal file.", ex),
        _ => new PlanJournalException($"Cannot use the plan journal '{path}': SQLite: {ex.Message}", ex),
    };

    private Task<T> Locked<T>(Func<T> action)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        try
        {
            lock (gate)
            {
                return Task.FromResult(action());
            }
        }
        catch (SqliteException ex)
        {
            return Task.FromException<T>(Explain(Path, ex));
        }
        catch (PlanJournalException ex)
        {
            return Task.FromException<T>(ex);
        }
    }

    private readonly record struct Work(string? RunId, TaskReport? Report, TaskCompletionSource? Flushed);
}
