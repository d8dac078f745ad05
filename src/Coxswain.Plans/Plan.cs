namespace Coxswain.Plans;

/// <summary>
/// A DAG of tasks, run with bounded parallelism: each task once, after all its dependencies, ready
/// tasks in insertion order; conditions, error strategies, timeouts and retries per task; a
/// <see cref="Report"/> at the end. The one executor behind <c>cox up</c>, <c>down</c>, healing,
/// user plans and the test matrix.
/// </summary>
/// <example>
/// <code>
/// var plan = new Plan(new PlanOptions { Name = "deploy", MaxParallelism = 4 });
/// var fetch = plan.Task("fetch", new CommandOperation(...));
/// var build = plan.TaskFunc("build", async (ctx, ct) => { ...; return TaskResult.Changed; })
///     .DependsOn(fetch).OnlyIfChanged();
/// var report = await plan.RunAsync(ct);
/// Console.WriteLine(report.Summary());
/// </code>
/// </example>
public sealed partial class Plan
{
    private readonly List<PlanTask> tasks = [];
    private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
    private CompiledPlan? compiled;
    private PlanDirection compiledDirection;
    private int running;

    /// <summary>Creates an empty plan.</summary>
    /// <param name="options">How it runs; defaults when null.</param>
    public Plan(PlanOptions? options = null)
    {
        Options = options ?? new PlanOptions();
    }

    /// <summary>How the plan runs (read at the start of each run).</summary>
    public PlanOptions Options { get; }

    /// <summary>The plan's name (<see cref="PlanOptions.Name"/>).</summary>
    public string Name => Options.Name;

    /// <summary>The tasks, in the order they were added.</summary>
    public IReadOnlyList<PlanTask> Tasks => tasks;

    /// <summary>The task named <paramref name="name"/>, or null.</summary>
    /// <param name="name">A task name.</param>
    public PlanTask? Find(string name) => index.TryGetValue(name, out var i) ? tasks[i] : null;

    /// <summary>Adds a task that runs <paramref name="operation"/>.</summary>
    /// <param name="name">A unique, non-empty name.</param>
    /// <param name="operation">What it runs.</param>
    /// <returns>The task, to configure fluently.</returns>
    /// <exception cref="ArgumentException">The name is empty or already taken.</exception>
    public PlanTask Task(string name, IOperation operation)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(operation);
        EnsureEditable();
        if (!index.TryAdd(name, tasks.Count))
        {
            throw new ArgumentException($"Plan '{Name}' already has a task named '{name}'; task names must be unique.", nameof(name));
        }

        var task = new PlanTask(this, name, operation, tasks.Count);
        tasks.Add(task);
        return task;
    }

    /// <summary>Adds a task that runs custom logic.</summary>
    /// <param name="name">A unique, non-empty name.</param>
    /// <param name="func">The logic: gets the task context and a token; returns changed, unchanged or skip.</param>
    /// <returns>The task, to configure fluently.</returns>
    public PlanTask TaskFunc(string name, Func<TaskContext, CancellationToken, ValueTask<TaskResult>> func)
    {
        ArgumentNullException.ThrowIfNull(func);
        return Task(name, new FuncOperation(func));
    }

    /// <summary>
    /// Checks the plan: options, unknown dependencies (with a "did you mean"), and cycles (with
    /// the path, <c>a -> b -> a</c>). Runs do this too; call it to fail early.
    /// </summary>
    /// <exception cref="PlanValidationException">Every problem found.</exception>
    public void Validate() => Compile();

    /// <summary>The hash of the plan definition that journals store (16 hex digits).</summary>
    public string DefinitionHash() => Journal.PlanFingerprint.Compute(tasks).Hash;

    /// <summary>The problems <see cref="Validate"/> would report (empty when valid).</summary>
    public IReadOnlyList<PlanError> FindErrors()
    {
        var errors = new List<PlanError>(Options.Validate());
        CompiledPlan.Build(this, tasks, index, Options.Direction, errors);
        return errors;
    }

    internal CompiledPlan Compile()
    {
        var direction = Options.Direction;
        if (compiled is not null && compiledDirection == direction)
        {
            return compiled;
        }

        var errors = new List<PlanError>(Options.Validate());
        var result = CompiledPlan.Build(this, tasks, index, direction, errors);
        if (errors.Count > 0 || result is null)
        {
            throw new PlanValidationException(Name, errors);
        }

        compiled = result;
        compiledDirection = direction;
        return result;
    }

    internal void EnsureEditable()
    {
        if (Volatile.Read(ref running) != 0)
        {
            throw new InvalidOperationException($"Plan '{Name}' is running; it cannot be changed until the run ends.");
        }

        compiled = null;
    }

    private void EnterRun()
    {
        if (Interlocked.Exchange(ref running, 1) != 0)
        {
            throw new InvalidOperationException($"Plan '{Name}' is already running; wait for that run to end (or make another Plan).");
        }
    }

    private void ExitRun() => Volatile.Write(ref running, 0);
}
