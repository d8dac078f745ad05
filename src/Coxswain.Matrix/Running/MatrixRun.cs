using Coxswain.Engine;

namespace Coxswain.Matrix;

/// <summary>What every task of one run shares: the engine, the definition, the reporter, the clock, the run id, and the
/// problems met while cleaning up.</summary>
internal sealed class MatrixRun(IEngineClient engine, MatrixDefinition definition, MatrixReporter reporter, TimeProvider time, string runId)
{
    private readonly Lock gate = new();
    private readonly List<string> cleanupProblems = [];

    /// <summary>The longest a cleanup (stop with grace, remove) may take before it is given up on.</summary>
    public static readonly TimeSpan CleanupBudget = MatrixSettings.StopGrace + TimeSpan.FromSeconds(30);

    /// <summary>The longest the log stream may take to end after the container stopped.</summary>
    public static readonly TimeSpan LogDrain = TimeSpan.FromSeconds(10);

    public IEngineClient Engine { get; } = engine;

    public MatrixDefinition Definition { get; } = definition;

    public MatrixReporter Reporter { get; } = reporter;

    public TimeProvider Time { get; } = time;

    public string RunId { get; } = runId;

    public IReadOnlyList<string> CleanupProblems
    {
        get
        {
            lock (gate)
            {
                return cleanupProblems.ToList();
            }
        }
    }

    public void AddCleanupProblem(string problem)
    {
        lock (gate)
        {
            cleanupProblems.Add(problem);
        }
    }
}
