namespace Coxswain.Plans.Journal;

/// <summary>Settings of a <see cref="SqlitePlanJournal"/>.</summary>
public sealed class SqlitePlanJournalOptions
{
    /// <summary>The default wait for a lock held by another process: 5 seconds.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The default number of task results written per transaction, at most: 4096.</summary>
    public const int DefaultMaxBatchSize = 4096;

    /// <summary>
    /// How long to wait when another process holds the journal's write lock before failing with
    /// "locked" (rounded up to whole seconds, at least 1 s: SQLite's driver counts in seconds).
    /// Default <see cref="DefaultBusyTimeout"/>.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = DefaultBusyTimeout;

    /// <summary>At most this many task results per transaction. Default <see cref="DefaultMaxBatchSize"/>.</summary>
    public int MaxBatchSize { get; set; } = DefaultMaxBatchSize;

    /// <summary>Run SQLite's <c>PRAGMA quick_check</c> when opening (slower for big journals). Default false: a file that is not a database is detected anyway.</summary>
    public bool CheckIntegrity { get; set; }
}
