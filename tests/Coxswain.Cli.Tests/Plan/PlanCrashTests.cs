using System.Text;
using Coxswain.Plans.Journal;
using Xunit;

namespace Coxswain.Cli.Tests.Plan;

/// <summary>
/// kill -9 a real <c>cox plan run</c> mid-run, then <c>cox plan resume</c>: every task has run, and none whose result was in
/// the journal ran twice. The journal's documented durability is per batch: a task that finished (and appended its line)
/// but whose result was not yet committed when cox died is run again by the resume — those, and only those, may appear twice.
/// Tasks still running when cox died were orphaned (kill -9 does not kill children) and never journaled either.
/// </summary>
public sealed class PlanCrashTests
{
    private const int Tasks = 30;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task RunKilledMidRun_Resume_EveryTaskDoneOnce_ExceptUnjournaledOnes()
    {
        Assert.True(File.Exists(CoxProcess.CoxDll), $"cox.dll is not next to the tests ({CoxProcess.CoxDll})");
        var ct = TestContext.Current.CancellationToken;
        using var dir = new PlanDirectory();
        var log = dir.File("done.log");
        var yaml = new StringBuilder("name: crash\nmax_parallelism: 2\ntasks:\n");
        for (var i = 1; i <= Tasks; i++)
        {
            // The line is appended only when the task's work is complete.
            yaml.Append($"  t{i:00}: {{ type: command, command: 'sleep 0.15 && echo t{i:00} >> {log}' }}\n");
        }

        var file = dir.Write("crash.yaml", yaml.ToString());

        using (var run = CoxProcess.Start("plan", "run", file, "--journal", dir.Journal))
        {
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(ct);
            bound.CancelAfter(Bound);
            while (Lines(log).Count < 8)
            {
                Assert.False(run.HasExited, "cox ended before it could be killed:\n" + run.Output);
                await Task.Delay(10, bound.Token);
            }

            run.KillNine();
            Assert.Equal(137, await run.WaitAsync(Bound, ct));
        }

        var (runId, journaled) = await ReadJournalAsync(dir.Journal, ct);
        Assert.InRange(journaled.Count, 1, Tasks - 1);

        using (var resume = CoxProcess.Start("plan", "resume", runId, "--journal", dir.Journal))
        {
            var exit = await resume.WaitAsync(Bound, ct);
            Assert.True(exit == 0, resume.Output);
            Assert.Contains($"run {runId} resumed", resume.Output, StringComparison.Ordinal);
            Assert.Equal(journaled.Count, resume.Output.Split('\n').Count(l => l.Contains("from the journal", StringComparison.Ordinal)));
        }

        var counts = Lines(log).GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        for (var i = 1; i <= Tasks; i++)
        {
            var name = $"t{i:00}";
            var times = counts.GetValueOrDefault(name);
            if (journaled.Contains(name))
            {
                Assert.True(times == 1, $"{name} was journaled before the kill, so resume must not run it again; it ran {times} times");
            }
            else
            {
                Assert.True(times is 1 or 2, $"{name} was not journaled before the kill: it must run on resume (once, or twice if it had finished unjournaled); it ran {times} times");
            }
        }

        var (_, after) = await ReadJournalAsync(dir.Journal, ct);
        Assert.Equal(Tasks, after.Count);
    }

    private static async Task<(string RunId, HashSet<string> Succeeded)> ReadJournalAsync(string path, CancellationToken ct)
    {
        await using var journal = SqlitePlanJournal.Open(path);
        var run = Assert.Single(await journal.ListRunsAsync(10, ct));
        var results = await journal.ReadTaskResultsAsync(run.RunId, ct);
        return (run.RunId, results.Where(r => r.Succeeded).Select(r => r.Name).ToHashSet(StringComparer.Ordinal));
    }

    private static List<string> Lines(string path)
    {
        try
        {
            return [.. File.ReadAllLines(path).Where(l => l.Length > 0)];
        }
        catch (FileNotFoundException)
        {
            return [];
        }
    }
}
