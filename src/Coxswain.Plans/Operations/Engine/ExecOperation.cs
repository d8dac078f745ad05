using Coxswain.Engine;

namespace Coxswain.Plans.Operations.Engine;

/// <summary>
/// Runs a command in a running container through the exec API. Changed on every successful run,
/// unless <see cref="ExecTaskSpec.Creates"/> exists in the container (then it does not run:
/// Unchanged) or <see cref="ExecTaskSpec.ChangedWhen"/> says otherwise. An exit code outside
/// <see cref="ExecTaskSpec.SuccessExitCodes"/> fails the task with the output's tail.
/// </summary>
public sealed class ExecOperation : IOperation
{
    /// <summary>The YAML type name: "exec".</summary>
    public const string TypeName = "exec";

    private const int TailLines = 20;

    /// <summary>Creates the operation.</summary>
    /// <param name="spec">What to run.</param>
    public ExecOperation(ExecTaskSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentException.ThrowIfNullOrWhiteSpace(spec.Container, nameof(spec));
        if (spec.Command.Count == 0)
        {
            throw new ArgumentException("An exec needs a command.", nameof(spec));
        }

        Spec = spec;
    }

    /// <summary>What the operation runs.</summary>
    public ExecTaskSpec Spec { get; }

    /// <inheritdoc />
    public string Kind => TypeName;

    /// <inheritdoc />
    public string Description => $"exec in {Spec.Container}: {Spec.DisplayText}";

    /// <inheritdoc />
    public string Fingerprint =>
        $"exec container={Spec.Container} argv={string.Join('\u001f', Spec.Command)} env={SpecHash.Map(Spec.Environment)} user={Spec.User} cwd={Spec.WorkingDirectory} creates={Spec.Creates} changed_when={Spec.ChangedWhen} ok={string.Join(',', Spec.SuccessExitCodes)}";

    /// <inheritdoc />
    public async ValueTask<TaskResult> ExecuteAsync(TaskContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var engine = await context.GetEngineAsync(cancellationToken).ConfigureAwait(false);
        if (Spec.Creates is { } path && await ExistsAsync(context, engine, path, cancellationToken).ConfigureAwait(false))
        {
            return TaskResult.UnchangedWith($"'{path}' exists in {Spec.Container}");
        }

        var result = await RunAsync(context, engine, new ExecSpec(Spec.Command)
        {
            Environment = Spec.Environment,
            User = Spec.User,
            WorkingDirectory = Spec.WorkingDirectory,
        }, cancellationToken).ConfigureAwait(false);
        foreach (var line in result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            context.Log(line);
        }

        var code = (int)result.ExitCode;
        var changedCode = Spec.ChangedWhen.Kind == ChangedWhenKind.ExitCode ? Spec.ChangedWhen.ExitCode : null;
        if (!Spec.SuccessExitCodes.Contains(code) && code != changedCode)
        {
            var tail = string.Join('\n', result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(TailLines));
            var output = tail.Length == 0 ? "no output" : $"last output:\n{tail}";
            throw new InvalidOperationException(
                $"Task '{context.TaskName}': `{Spec.DisplayText}` in {EngineLookup.Describe("container", Spec.Container, engine)} failed with exit code {code}; {output}");
        }

        var changed = Spec.ChangedWhen.Kind switch
        {
            ChangedWhenKind.Never => false,
            ChangedWhenKind.ExitCode => code == changedCode,
            ChangedWhenKind.OutputContains => result.Stdout.Contains(Spec.ChangedWhen.Text ?? "", StringComparison.Ordinal),
            _ => true,
        };
        var message = $"exit code {code}";
        return changed ? TaskResult.ChangedWith(message) : TaskResult.UnchangedWith(message);
    }

    /// <inheritdoc />
    public async ValueTask<CheckResult> CheckAsync(TaskContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Spec.Creates is { } path)
        {
            var engine = await context.GetEngineAsync(cancellationToken).ConfigureAwait(false);
            var container = await EngineLookup.FindContainerAsync(engine, Spec.Container, cancellationToken).ConfigureAwait(false);
            if (container is not { State.Running: true })
            {
                return CheckResult.WouldChange($"{Spec.Container} is not running yet; would run `{Spec.DisplayText}`");
            }

            return await ExistsAsync(context, engine, path, cancellationToken).ConfigureAwait(false)
                ? CheckResult.NoChange($"'{path}' exists in {Spec.Container}")
                : CheckResult.WouldChange($"'{path}' does not exist in {Spec.Container}");
        }

        return Spec.ChangedWhen.Kind switch
        {
            ChangedWhenKind.Never => CheckResult.NoChange("changed_when is false"),
            ChangedWhenKind.Always => CheckResult.WouldChange($"would run `{Spec.DisplayText}` in {Spec.Container}"),
            _ => CheckResult.Unknown($"depends on the command's result ({Spec.ChangedWhen})"),
        };
    }

    private async Task<bool> ExistsAsync(TaskContext context, IEngineClient engine, string path, CancellationToken cancellationToken)
    {
        var test = await RunAsync(context, engine, new ExecSpec(["test", "-e", path]), cancellationToken).ConfigureAwait(false);
        return test.ExitCode == 0;
    }

    private async Task<ExecResult> RunAsync(TaskContext context, IEngineClient engine, ExecSpec exec, CancellationToken cancellationToken)
    {
        try
        {
            return await engine.ExecAsync(Spec.Container, exec, timeout: null, context.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (EngineException ex) when (ex is EngineNotFoundException or EngineConflictException)
        {
            throw new InvalidOperationException(
                $"Task '{context.TaskName}': cannot exec `{string.Join(' ', exec.Command)}` in {EngineLookup.Describe("container", Spec.Container, engine)}: {ex.Message}. The container must exist and be running; make the task depend on the one that starts it.", ex);
        }
    }
}
