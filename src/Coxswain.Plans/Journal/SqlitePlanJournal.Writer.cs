using Microsoft.Data.Sqlite;

namespace Coxswain.Plans.Journal;

/// <summary>The background writer: drains the queue into batched transactions.</summary>
public sealed partial class SqlitePlanJournal
{
    private async Task WriteLoopAsync()
    {
        using var insert = Rows.CreateInsert(connection);
        var reader = queue.Reader;
        var flushed = new List<TaskCompletionSource>();
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            flushed.Clear();
            lock (gate)
            {
                WriteBatch(insert, flushed);
            }

            foreach (var done in flushed)
            {
                if (writeFault is null)
                {
                    done.TrySetResult();
                }
                else
                {
                    done.TrySetException(writeFault);
                }
            }
        }
    }

    private void WriteBatch(SqliteCommand insert, List<TaskCompletionSource> flushed)
    {
        var reader = queue.Reader;
        SqliteTransaction? transaction = null;
        try
        {
            var count = 0;
            while (count < maxBatchSize && reader.TryRead(out var work))
            {
                if (work.Flushed is not null)
                {
                    flushed.Add(work.Flushed);
                    continue;
                }

                if (writeFault is not null)
                {
                    continue;
                }

                if (transaction is null)
                {
                    transaction = connection.BeginTransaction();
                    insert.Transaction = transaction;
                }

                Rows.BindTask(insert, work.RunId!, work.Report!.Value);
                insert.ExecuteNonQuery();
                count++;
            }

            transaction?.Commit();
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
        {
            writeFault = ex is SqliteException sqlite
                ? Explain(Path, sqlite)
                : new PlanJournalException($"Writing to the plan journal '{Path}' failed: {ex.Message}", ex);
        }
        finally
        {
            transaction?.Dispose();
            insert.Transaction = null;
        }
    }
}
