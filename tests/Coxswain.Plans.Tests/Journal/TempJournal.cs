using Coxswain.Plans.Journal;

namespace Coxswain.Plans.Tests.Journal;

/// <summary>A journal file in a fresh temporary directory, deleted afterwards.</summary>
internal sealed class TempJournal : IDisposable
{
    public TempJournal()
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cox-plans-tests-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Path = System.IO.Path.Combine(Directory, "journal.db");
    }

    public string Directory { get; }

    public string Path { get; }

    public SqlitePlanJournal Open(SqlitePlanJournalOptions? options = null) => SqlitePlanJournal.Open(Path, options);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
