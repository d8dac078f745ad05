using System.Diagnostics;
using System.Globalization;
using Coxswain.Plans;
using Coxswain.Plans.Journal;
using Coxswain.Plans.Operations;

// Benchmarks of the plan executor. "all" (default) prints a table of medians and the RESULT line;
// "dag100k" is the child mode that measures one 100k-task DAG in a fresh process (time and peak memory).
var mode = args.Length > 0 ? args[0] : "all";
if (mode == "dag100k")
{
    // A fresh process: the first 100k DAG is "cold" (JIT and GC budgets still warming up); the
    // measured one is the third, as a long-running process (the daemon) sees it. Peak memory is
    // the whole child's.
    var (cold, _) = await Scenarios.DagAsync(100_000);
    await Scenarios.DagAsync(100_000);
    Thread.Sleep(200);
    var (seconds, megabytes) = await Scenarios.DagAsync(100_000);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{seconds:0.000} {megabytes} {cold:0.000}"));
    return 0;
}

var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
Console.WriteLine($"Coxswain.Plans bench — {Environment.ProcessorCount} cores, {runs} runs each (median)");

// Warm up the JIT on every path first.
await Scenarios.WideAsync(20_000);
await Scenarios.ChainAsync(20_000);
await Scenarios.JournalAsync(5_000);

var wide = Median(runs, () => Scenarios.WideAsync(200_000));
var chain = Median(runs, () => Scenarios.ChainAsync(100_000));
var asyncWide = Median(runs, () => Scenarios.WideAsyncOpsAsync(100_000));
var journal = Median(runs, () => Scenarios.JournalAsync(50_000));
var dag = new List<(double Seconds, long Mb, double Cold)>();
for (var i = 0; i < runs; i++)
{
    dag.Add(RunChild("dag100k"));
}

var dagSeconds = dag.Select(d => d.Seconds).Order().ElementAt(dag.Count / 2);
var dagMb = dag.Select(d => d.Mb).Order().ElementAt(dag.Count / 2);
var dagCold = dag.Select(d => d.Cold).Order().ElementAt(dag.Count / 2);

Console.WriteLine();
Console.WriteLine($"{"scenario",-44} {"median",14}");
Console.WriteLine($"{"wide, 200k sync no-op tasks",-44} {wide,10:N0} t/s");
Console.WriteLine($"{"deep chain, 100k sync no-op tasks",-44} {chain,10:N0} t/s");
Console.WriteLine($"{"wide, 100k async (yielding) tasks",-44} {asyncWide,10:N0} t/s");
Console.WriteLine($"{"100k-task DAG (build+validate+run)",-44} {dagSeconds,10:0.000} s");
Console.WriteLine($"{"  the same, first run in a fresh process",-44} {dagCold,10:0.000} s");
Console.WriteLine($"{"100k-task DAG peak working set",-44} {dagMb,10:N0} MB");
Console.WriteLine($"{"journal (SQLite, WAL), 50k tasks",-44} {journal,10:N0} t/s");
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"RESULT tasks_per_s={wide:0} dag100k_s={dagSeconds:0.000} dag100k_mb={dagMb} journal_tasks_per_s={journal:0}"));
return 0;

static double Median(int runs, Func<Task<double>> scenario)
{
    var values = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        values.Add(scenario().GetAwaiter().GetResult());
    }

    values.Sort();
    return values[values.Count / 2];
}

static (double Seconds, long Mb, double Cold) RunChild(string childMode)
{
    var self = Environment.ProcessPath!;
    var info = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
    if (Path.GetFileNameWithoutExtension(self) == "dotnet")
    {
        info.ArgumentList.Add(typeof(Scenarios).Assembly.Location);
    }

    info.ArgumentList.Add(childMode);
    using var child = Process.Start(info)!;
    var line = child.StandardOutput.ReadToEnd().Trim();
    child.WaitForExit();
    var parts = line.Split(' ');
    return (double.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture));
}

internal static class Scenarios
{
    private static readonly NoopOperation Noop = new();

    /// <summary>n independent no-op tasks; returns tasks per second of RunAsync.</summary>
    public static async Task<double> WideAsync(int n)
    {
        var plan = new Plan(new PlanOptions { Name = "wide", MaxParallelism = 8 });
        for (var i = 0; i < n; i++)
        {
            plan.Task("t" + i.ToString(CultureInfo.InvariantCulture), Noop);
        }

        plan.Validate();
        var watch = Stopwatch.StartNew();
        var report = await plan.RunAsync();
        watch.Stop();
        Check(report, n);
        return n / watch.Elapsed.TotalSeconds;
    }

    /// <summary>n no-op tasks in one chain; returns tasks per second of RunAsync.</summary>
    public static async Task<double> ChainAsync(int n)
    {
        var plan = new Plan(new PlanOptions { Name = "chain" });
        PlanTask? previous = null;
        for (var i = 0; i < n; i++)
        {
            var task = plan.Task("t" + i.ToString(CultureInfo.InvariantCulture), Noop);
            if (previous is not null)
            {
                task.DependsOn(previous);
            }

            previous = task;
        }

        plan.Validate();
        var watch = Stopwatch.StartNew();
        var report = await plan.RunAsync();
        watch.Stop();
        Check(report, n);
        return n / watch.Elapsed.TotalSeconds;
    }

    /// <summary>n independent tasks that each yield once (the slow path); tasks per second.</summary>
    public static async Task<double> WideAsyncOpsAsync(int n)
    {
        var plan = new Plan(new PlanOptions { Name = "async", MaxParallelism = 64 });
        for (var i = 0; i < n; i++)
        {
            plan.TaskFunc("t" + i.ToString(CultureInfo.InvariantCulture), static async (_, _) =>
            {
                await Task.Yield();
                return TaskResult.Unchanged;
            });
        }

        plan.Validate();
        var watch = Stopwatch.StartNew();
        var report = await plan.RunAsync();
        watch.Stop();
        Check(report, n);
        return n / watch.Elapsed.TotalSeconds;
    }

    /// <summary>A DAG of n tasks (each depends on up to 3 of the 1000 before it), built, validated and run; seconds and peak MB.</summary>
    public static async Task<(double Seconds, long Mb)> DagAsync(int N)
    {
        var random = new Random(42);
        var watch = Stopwatch.StartNew();
        var plan = new Plan(new PlanOptions { Name = "dag100k", MaxParallelism = 8 });
        var tasks = new PlanTask[N];
        for (var i = 0; i < N; i++)
        {
            tasks[i] = plan.Task("t" + i.ToString(CultureInfo.InvariantCulture), Noop);
            var deps = i == 0 ? 0 : random.Next(0, 4);
            for (var d = 0; d < deps; d++)
            {
                tasks[i].DependsOn(tasks[random.Next(Math.Max(0, i - 1000), i)]);
            }
        }

        var built = watch.Elapsed;
        plan.Validate();
        var validated = watch.Elapsed;
        var pauseBefore = GC.GetTotalPauseDuration();
        var report = await plan.RunAsync();
        var runPause = GC.GetTotalPauseDuration() - pauseBefore;
        watch.Stop();
        Check(report, N);
        if (Environment.GetEnvironmentVariable("COX_BENCH_VERBOSE") is not null)
        {
            Console.Error.WriteLine($"{N} tasks: build {built.TotalMilliseconds:0} ms, validate {(validated - built).TotalMilliseconds:0} ms, run {(watch.Elapsed - validated).TotalMilliseconds:0} ms (GC pauses {runPause.TotalMilliseconds:0} ms), GCs {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
        }

        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return (watch.Elapsed.TotalSeconds, self.PeakWorkingSet64 / (1024 * 1024));
    }

    /// <summary>n independent no-op tasks with a SQLite journal; tasks per second including the final flush.</summary>
    public static async Task<double> JournalAsync(int n)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cox-plans-bench-{Environment.ProcessId}.db");
        Delete(path);
        try
        {
            var plan = new Plan(new PlanOptions { Name = "journal" });
            for (var i = 0; i < n; i++)
            {
                plan.Task("t" + i.ToString(CultureInfo.InvariantCulture), Noop);
            }

            plan.Validate();
            await using var journal = SqlitePlanJournal.Open(path);
            var watch = Stopwatch.StartNew();
            var report = await plan.RunAsync(journal);
            watch.Stop();
            Check(report, n);
            var stored = await journal.ReadTaskResultsAsync(report.RunId!, CancellationToken.None);
            if (stored.Count != n)
            {
                throw new InvalidOperationException($"journal holds {stored.Count} results, expected {n}");
            }

            return n / watch.Elapsed.TotalSeconds;
        }
        finally
        {
            Delete(path);
        }
    }

    private static void Check(Report report, int n)
    {
        if (report.Status != RunStatus.Succeeded || report.Tasks.Count != n)
        {
            throw new InvalidOperationException($"bench run failed: {report.Summary()}");
        }
    }

    private static void Delete(string path)
    {
        foreach (var p in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(p);
        }
    }
}
