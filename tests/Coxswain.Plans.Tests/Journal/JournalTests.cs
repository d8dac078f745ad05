using Coxswain.Plans.Journal;
using Microsoft.Data.Sqlite;

namespace Coxswain.Plans.Tests.Journal;

public sealed class JournalTests
{
    [Fact]
    public async Task RunAsync_WithJournal_RecordsRunAndEveryTask()
    {
        using var temp = new TempJournal();
        var clock = new FakeClock();
        var plan = new Plan(new PlanOptions { Name = "deploy", TimeProvider = clock, ErrorStrategy = ErrorStrategy.Continue });
        plan.TaskFunc("a", (_, _) => ValueTask.FromResult(TaskResult.ChangedWith("made a")));
        plan.TaskFunc("b", Ops.Fail("no route to host")).DependsOn("a");
        plan.TaskFunc("c", Ops.Changed).DependsOn("b");

        await using var journal = temp.Open();
        var report = await plan.RunAsync(journal, Drive.Token).Bounded();
        var run = await journal.FindRunAsync(report.RunId!, Drive.Token).Bounded();
        var results = (await journal.ReadTaskResultsAsync(report.RunId!, Drive.Token).Bounded()).ToDictionary(r => r.Name);

        Assert.NotNull(run);
        Assert.Equal("deploy", run.PlanName);
        Assert.Equal(plan.DefinitionHash(), run.PlanHash);
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(3, run.TaskCount);
        Assert.Equal(clock.GetUtcNow(), run.StartedAt);
        Assert.StartsWith("20250102-030405-", run.RunId, StringComparison.Ordinal);
        Assert.Equal(PlanTaskStatus.Changed, results["a"].Status);
        Assert.Equal("made a", results["a"].Message);
        Assert.Equal("no route to host", results["b"].Error);
        Assert.Equal(SkipCause.DependencyFailed, results["c"].SkipCause);
        Assert.Equal("dependency 'b' failed", results["c"].SkipReason);
    }

    [Fact]
    public async Task ResumeAsync_SkipsSucceededTasks_RunsTheRest_KeepsResultsForConditions()
    {
        using var temp = new TempJournal();
        var ran = new List<string>();
        var healthy = false;
        Plan Build()
        {
            var plan = new Plan(new PlanOptions { Name = "deploy", ErrorStrategy = ErrorStrategy.Continue });
            plan.TaskFunc("image", Ops.Record(ran));
            plan.TaskFunc("config", (ctx, _) =>
            {
                ran.Add(ctx.TaskName);
                return ValueTask.FromResult(TaskResult.Unchanged);
            });
            plan.TaskFunc("start", (ctx, _) =>
            {
                ran.Add(ctx.TaskName);
                return healthy ? ValueTask.FromResult(TaskResult.Changed) : throw new IOException("port 80 in use");
            }).DependsOn("image", "config");
            plan.TaskFunc("notify", Ops.Record(ran)).DependsOn("start").When(r => r.Changed("image"), "changed(image)");
            plan.TaskFunc("quiet", Ops.Record(ran)).DependsOn("config").OnlyIfChanged();
            return plan;
        }

        await using var journal = temp.Open();
        var first = await Build().RunAsync(journal, Drive.Token).Bounded();
        Assert.Equal(["image", "config", "start"], ran);
        Assert.Equal(RunStatus.Failed, first.Status);

        ran.Clear();
        healthy = true;
        var resumed = await Build().ResumeAsync(journal, first.RunId!, Drive.Token).Bounded();

        Assert.Equal(["start", "notify"], ran);
        Assert.Equal(RunStatus.Succeeded, resumed.Status);
        Assert.Equal(first.RunId, resumed.RunId);
        Assert.True(resumed["image"].Resumed);
        Assert.True(resumed["quiet"].Resumed);
        Assert.False(resumed["start"].Resumed);
        Assert.Equal(PlanTaskStatus.Changed, resumed["notify"].Status);
        var run = await journal.FindRunAsync(first.RunId!, Drive.Token).Bounded();
        Assert.Equal(RunStatus.Succeeded, run!.Status);
        Assert.Equal(1, run.Resumes);
    }

    [Fact]
    public async Task ResumeAsync_ResultNeverJournaled_TaskRunsAgain()
    {
        using var temp = new TempJournal();
        var ran = new List<string>();
        var plan = new Plan(new PlanOptions { Name = "p" });
        plan.TaskFunc("a", Ops.Record(ran));
        plan.TaskFunc("b", Ops.Record(ran)).DependsOn("a");
        var hash = plan.DefinitionHash();

        await using var journal = temp.Open();
        // As if the process died after 'a' was journaled but before 'b' finished.
        await journal.StartRunAsync(new JournalRunStart("crashed", "p", hash, [new("a", Hash(plan, "a")), new("b", Hash(plan, "b"))], DateTimeOffset.UnixEpoch, false), Drive.Token);
        journal.RecordTask("crashed", new TaskReport("a", PlanTaskStatus.Changed) { Attempts = 1 });
        await journal.FlushAsync(Drive.Token).Bounded();

        var report = await plan.ResumeAsync(journal, "crashed", Drive.Token).Bounded();

        Assert.Equal(["b"], ran);
        Assert.True(report["a"].Resumed);
        Assert.Equal(RunStatus.Succeeded, (await journal.FindRunAsync("crashed", Drive.Token).Bounded())!.Status);
    }

    [Fact]
    public async Task ResumeAsync_PlanChanged_RefusesNamingAddedRemovedChanged()
    {
        using var temp = new TempJournal();
        var original = new Plan(new PlanOptions { Name = "site" });
        original.TaskFunc("db", Ops.Changed);
        original.TaskFunc("api", Ops.Fail()).DependsOn("db");
        original.TaskFunc("cache", Ops.Changed);
        await using var journal = temp.Open();
        var first = await original.RunAsync(journal, Drive.Token).Bounded();

        var edited = new Plan(new PlanOptions { Name = "site" });
        edited.TaskFunc("db", Ops.Changed);
        edited.TaskFunc("api", Ops.Changed).DependsOn("db").OnlyIfChanged();
        edited.TaskFunc("web", Ops.Changed).DependsOn("api");
        var error = await Assert.ThrowsAsync<PlanResumeException>(() => edited.ResumeAsync(journal, first.RunId!, Drive.Token)).Bounded();

        Assert.Equal(
            $"Cannot resume run '{first.RunId}' of plan 'site': the plan changed since the run started (added: web; removed: cache; changed: api). Start a new run instead, or restore the plan as it was.",
            error.Message);
        Assert.Equal(["web"], error.Added);
        Assert.Equal(["cache"], error.Removed);
        Assert.Equal(["api"], error.Changed);
    }

    [Fact]
    public async Task ResumeAsync_UnknownRun_SaysSo()
    {
        using var temp = new TempJournal();
        var plan = new Plan(new PlanOptions { Name = "p" });
        plan.TaskFunc("a", Ops.Changed);
        await using var journal = temp.Open();

        var error = await Assert.ThrowsAsync<PlanResumeException>(() => plan.ResumeAsync(journal, "nope", Drive.Token)).Bounded();

        Assert.Contains("the journal has no such run", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefinitionHash_IgnoresTaskOrder_ButNotDefinitions()
    {
        var one = new Plan();
        one.TaskFunc("a", Ops.Changed);
        one.TaskFunc("b", Ops.Changed).DependsOn("a");
        var two = new Plan();
        two.TaskFunc("b", Ops.Changed).DependsOn("a");
        two.TaskFunc("a", Ops.Changed);
        var three = new Plan();
        three.TaskFunc("a", Ops.Changed);
        three.TaskFunc("b", Ops.Changed).DependsOn("a").WithTimeout(TimeSpan.FromSeconds(3));

        Assert.Equal(one.DefinitionHash(), two.DefinitionHash());
        Assert.NotEqual(one.DefinitionHash(), three.DefinitionHash());
        Assert.Equal(16, one.DefinitionHash().Length);
    }

    [Fact]
    public async Task ListRunsAsync_NewestFirst()
    {
        using var temp = new TempJournal();
        var clock = new FakeClock();
        var plan = new Plan(new PlanOptions { Name = "p", TimeProvider = clock });
        plan.TaskFunc("a", Ops.Changed);
        await using var journal = temp.Open();

        var first = await plan.RunAsync(journal, Drive.Token).Bounded();
        clock.Advance(TimeSpan.FromMinutes(1));
        var second = await plan.RunAsync(journal, Drive.Token).Bounded();
        var runs = await journal.ListRunsAsync(10, Drive.Token).Bounded();

        Assert.Equal([second.RunId, first.RunId], runs.Select(r => r.RunId));
        Assert.All(runs, r => Assert.Equal(RunStatus.Succeeded, r.Status));
        Assert.Equal(clock.GetUtcNow(), runs[0].FinishedAt);
    }

    [Fact]
    public async Task Open_CorruptFile_ClearErrorBeforeAnyTaskRuns()
    {
        using var temp = new TempJournal();
        await File.WriteAllTextAsync(temp.Path, new string('x', 4096), Drive.Token);

        var error = Assert.Throws<PlanJournalException>(() => temp.Open());

        Assert.StartsWith($"The plan journal '{temp.Path}' is corrupt or not a journal (SQLite: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Move the file aside (its history is lost) or use another journal file.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_ForeignDatabase_SaysItIsNotAJournal()
    {
        using var temp = new TempJournal();
        await using (var other = new SqliteConnection($"Data Source={temp.Path};Pooling=false"))
        {
            other.Open();
            using var command = other.CreateCommand();
            command.CommandText = "CREATE TABLE people (name TEXT); PRAGMA user_version = 1;";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<PlanJournalException>(() => temp.Open());

        Assert.Contains("is a SQLite database but not a plan journal", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_LockedByAnotherWriter_ClearError()
    {
        using var temp = new TempJournal();
        temp.Open().Dispose();
        await using var holder = new SqliteConnection($"Data Source={temp.Path};Pooling=false");
        holder.Open();
        using (var begin = holder.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE";
            begin.ExecuteNonQuery();
        }

        var error = Assert.Throws<PlanJournalException>(() => temp.Open(new SqlitePlanJournalOptions { BusyTimeout = TimeSpan.FromMilliseconds(1) }));

        Assert.StartsWith($"The plan journal '{temp.Path}' is locked by another process", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Wait for the other run to finish, or use another journal file.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ManyTasks_AllJournaledInBatches()
    {
        using var temp = new TempJournal();
        var plan = new Plan(new PlanOptions { Name = "wide" });
        for (var i = 0; i < 5000; i++)
        {
            plan.TaskFunc($"t{i}", Ops.Unchanged);
        }

        await using var journal = temp.Open(new SqlitePlanJournalOptions { MaxBatchSize = 100 });
        var report = await plan.RunAsync(journal, Drive.Token).Bounded();

        Assert.Equal(5000, (await journal.ReadTaskResultsAsync(report.RunId!, Drive.Token).Bounded()).Count);
    }

    private static string Hash(Plan plan, string task) =>
        Coxswain.Plans.Journal.PlanFingerprint.Compute(plan.Tasks).Tasks.Single(t => t.Key == task).Value;
}
