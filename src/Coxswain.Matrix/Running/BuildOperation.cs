using Coxswain.Engine;
using Coxswain.Plans;

namespace Coxswain.Matrix;

/// <summary>Builds one target's image through the Engine API (a tar of the context, <c>POST /build</c>), tagged with its
/// content hash. Build output is kept for the error message and shown live at <c>-vv</c>. Never retried: builds are deterministic.</summary>
internal sealed class BuildOperation(MatrixRun run, TargetState state) : IOperation
{
    public string Kind => "matrix-build";

    public string Description => $"build {state.Image.Tag}";

    public async ValueTask<TaskResult> ExecuteAsync(TaskContext context, CancellationToken cancellationToken)
    {
        var definition = run.Definition;
        var target = state.Image.Target;
        run.Reporter.Target(state.Name, $"building {state.Image.Tag} from {target.Dockerfile} ({state.Image.Reason})");
        var started = run.Time.GetTimestamp();
        await EnsureLocalBaseAsync(cancellationToken).ConfigureAwait(false);
        var options = new BuildOptions
        {
            Tags = [state.Image.Tag],
            Dockerfile = target.Dockerfile,
            BuildArgs = target.BuildArgs,
            NoCache = definition.Settings.NoCache,
            Pull = definition.Settings.Pull,
            Labels = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [MatrixNames.ManagedLabel] = "true",
                [MatrixNames.ProjectLabel] = definition.Name,
                [MatrixNames.TargetLabel] = target.Name,
                [MatrixNames.HashLabel] = state.Image.ContextHash,
            },
        };
        try
        {
            var progress = new BuildProgress(run.Reporter, state.Name);
            state.ImageId = await LocalImages.BuildAsync(run.Engine, definition.ContextDirectory, options, progress, cancellationToken).ConfigureAwait(false);
            state.Built = true;
        }
        catch (EngineBuildException ex)
        {
            var tail = ex.OutputTail.Select(AnsiText.Strip).Where(l => l.Length > 0).ToList();
            var message = $"building {state.Image.Tag} from {Path.Combine(definition.ContextDirectory, target.Dockerfile)} failed: {AnsiText.Strip(ex.Error)}"
                + (tail.Count == 0 ? "" : "\n  last lines of build output:\n    " + string.Join("\n    ", tail));
            run.Reporter.Target(state.Name, "build failed: " + ex.Error);
            throw new MatrixAttemptException(message, innerException: ex);
        }

        run.Reporter.Target(state.Name, $"built {state.Image.Tag} in {MatrixDuration.Format(run.Time.GetElapsedTime(started))}");
        return TaskResult.ChangedWith("built");
    }

    /// <summary>Imports <c>cox-busybox:latest</c> when the Dockerfile is built FROM it and the engine lacks it (no registry here).</summary>
    private async Task EnsureLocalBaseAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(run.Definition.ContextDirectory, state.Image.Target.Dockerfile);
        var usesBusybox = File.ReadLines(path)
            .Select(l => l.Trim())
            .Any(l => l.StartsWith("FROM ", StringComparison.OrdinalIgnoreCase)
                && l[5..].TrimStart().StartsWith("cox-busybox", StringComparison.Ordinal));
        if (usesBusybox)
        {
            await LocalImages.EnsureBusyboxAsync(run.Engine, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Build output, passed on synchronously and in order (Progress&lt;T&gt; would post it out of order).</summary>
    private sealed class BuildProgress(MatrixReporter reporter, string target) : IProgress<ProgressMessage>
    {
        public void Report(ProgressMessage value)
        {
            foreach (var line in (value.Stream ?? value.Error ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                reporter.BuildOutput(target, AnsiText.Strip(line.TrimEnd('\r')));
            }
        }
    }
}
