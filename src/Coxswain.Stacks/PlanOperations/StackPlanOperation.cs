using Coxswain.Compose;
using Coxswain.Engine;
using Coxswain.Plans;

namespace Coxswain.Stacks.PlanOperations;

/// <summary>
/// Brings a Compose project up or down on the task's engine through <see cref="StackRunner"/>: Changed when the
/// stack plan had operations, Unchanged when it had nothing to do. Dry runs answer from the same plan.
/// </summary>
public sealed class StackPlanOperation : IOperation
{
    /// <summary>The YAML type name: "stack".</summary>
    public const string TypeName = "stack";

    /// <summary>Creates the operation.</summary>
    /// <param name="spec">The Compose file, project and state.</param>
    public StackPlanOperation(StackTaskSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentException.ThrowIfNullOrWhiteSpace(spec.File);
        Spec = spec;
    }

    /// <summary>The Compose file, project and state.</summary>
    public StackTaskSpec Spec { get; }

    /// <inheritdoc />
    public string Kind => TypeName;

    /// <inheritdoc />
    public string Description => $"stack: {Verb} {Spec.Project ?? Spec.File}";

    /// <inheritdoc />
    public string Fingerprint =>
        $"stack file={Spec.File} project={Spec.Project} state={Verb} wait={Spec.Wait} remove_volumes={Spec.RemoveVolumes}";

    private string Verb => Spec.State == StackTaskState.Up ? "up" : "down";

    /// <inheritdoc />
    public async ValueTask<TaskResult> ExecuteAsync(TaskContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var engine = await context.GetEngineAsync(cancellationToken).ConfigureAwait(false);
        var project = Load(context);
        var plan = await PlanAsync(engine, project, cancellationToken).ConfigureAwait(false);
        if (plan.IsEmpty && !(Spec.State == StackTaskState.Up && Spec.Wait))
        {
            return TaskResult.UnchangedWith(plan.ToText().TrimEnd());
        }

        var executor = new StackExecutorOptions { TimeProvider = context.TimeProvider };
        var result = await new StackExecutor(engine, project, executor).RunAsync(plan, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            var errors = result.Errors.Count > 0 ? result.Errors : [result.Report.Summary()];
            throw new InvalidOperationException(
                $"Task '{context.TaskName}': {Verb} of stack {project.Name} ({Spec.File}) failed:" + string.Concat(errors.Select(e => "\n  " + e))
                + (result.RolledBack.Count > 0 ? $"\n  rolled back: {string.Join(", ", result.RolledBack)}" : string.Empty));
        }

        return plan.IsEmpty
            ? TaskResult.UnchangedWith(plan.ToText().TrimEnd())
            : TaskResult.ChangedWith($"{Verb} {project.Name}: {plan.Operations.Count(o => o.Mutates)} operations");
    }

    /// <inheritdoc />
    public async ValueTask<CheckResult> CheckAsync(TaskContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var engine = await context.GetEngineAsync(cancellationToken).ConfigureAwait(false);
        var project = Load(context);
        var plan = await PlanAsync(engine, project, cancellationToken).ConfigureAwait(false);
        return plan.IsEmpty
            ? CheckResult.NoChange(plan.ToText().TrimEnd())
            : CheckResult.WouldChange($"would {Verb} {project.Name}: {plan.Operations.Count(o => o.Mutates)} operations");
    }

    private Task<StackPlan> PlanAsync(IEngineClient engine, ComposeProject project, CancellationToken cancellationToken) =>
        Spec.State == StackTaskState.Up
            ? StackRunner.PlanUpAsync(engine, DesiredStateBuilder.Build(project), new UpOptions { Wait = Spec.Wait }, cancellationToken)
            : StackRunner.PlanDownAsync(engine, project, new DownOptions { RemoveVolumes = Spec.RemoveVolumes }, cancellationToken);

    private ComposeProject Load(TaskContext context)
    {
        var result = ComposeLoader.Load(new LoadOptions { Files = [Spec.File], ProjectName = Spec.Project, Environment = Spec.Environment });
        if (result.Project is { } project)
        {
            return project;
        }

        throw new InvalidOperationException(
            $"Task '{context.TaskName}': cannot load the Compose file {Spec.File}; fix it and run the plan again:"
            + string.Concat(result.Errors.Select(e => "\n  " + e)));
    }
}
