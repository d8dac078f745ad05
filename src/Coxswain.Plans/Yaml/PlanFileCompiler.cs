using System.Text.RegularExpressions;
using Coxswain.Plans.Operations;

namespace Coxswain.Plans.Yaml;

/// <summary>Turns a YAML document into a <see cref="Plan"/>, collecting every error with its place.</summary>
internal sealed partial class PlanFileCompiler(string file, YamlPlanLoadOptions options)
{
    private static readonly string[] TopKeys =
        ["name", "description", "max_parallelism", "on_error", "retries", "retry_delay", "backoff", "max_retry_delay", "timeout", "variables", "targets", "tasks"];

    private static readonly string[] TaskKeys =
        ["type", "description", "depends_on", "only_if_changed", "when", "on_error", "retries", "retry_delay", "backoff", "max_retry_delay", "timeout", "target"];

    private readonly List<PlanError> errors = [];
    private Interpolator interpolator = new(new Dictionary<string, string>(), []);

    public YamlPlan Compile(string yaml)
    {
        var duplicates = new List<YamlReader.DuplicateKey>();
        var root = YamlReader.Read(yaml, file, errors, duplicates);
        var fallbackName = Path.GetFileNameWithoutExtension(file) is { Length: > 0 } stem ? stem : PlanOptions.DefaultName;
        if (root is null)
        {
            throw new PlanValidationException(fallbackName, errors);
        }

        if (root is not YMapping top)
        {
            errors.Add(new PlanError($"a plan file must be a mapping with 'tasks' (and optionally name, variables, targets, ...), not {root.KindName}.", null, root.Location));
            throw new PlanValidationException(fallbackName, errors);
        }

        ReportUnknownKeys(top, TopKeys, null, "at the top of a plan file");
        var variables = ReadVariables(top);
        interpolator = new Interpolator(variables, errors);
        var name = Text(top, "name", null) ?? fallbackName;
        var description = Text(top, "description", null);
        var maxParallelism = Int(top, "max_parallelism", null, min: 1);
        var timeout = Duration(top, "timeout", null);
        var planStrategy = ReadStrategy(top, null);
        var targets = ReadTargets(top);
        var tasksNode = top.Get("tasks");
        var drafts = new List<TaskDraft>();
        if (tasksNode is YMapping tasks)
        {
            if (tasks.Entries.Count == 0)
            {
                errors.Add(new PlanError("'tasks' is empty; a plan needs at least one task.", null, tasks.Location));
            }

            foreach (var (key, value) in tasks.Entries)
            {
                if (ReadTask(key, value, planStrategy) is { } draft)
                {
                    drafts.Add(draft);
                }
            }
        }
        else
        {
            errors.Add(tasksNode is null
                ? new PlanError("the plan has no 'tasks'; add a 'tasks' mapping of task name → task.", null, top.Location)
                : new PlanError($"'tasks' must be a mapping of task name → task, not {tasksNode.KindName}.", null, tasksNode.Location));
        }

        ReportDuplicates(duplicates, tasksNode);
        CheckReferences(drafts, targets);
        if (errors.Count > 0)
        {
            throw new PlanValidationException(name, Sorted());
        }

        var plan = Build(name, maxParallelism, timeout, planStrategy, drafts, targets);
        return new YamlPlan(plan, file, description, targets, variables);
    }

    private Plan Build(string name, int? maxParallelism, TimeSpan? timeout, StrategyFields planStrategy, List<TaskDraft> drafts, IReadOnlyDictionary<string, string> targets)
    {
        var fanOut = new TargetFanOut(drafts.Where(d => d.Target == TargetFanOut.AllTargets).Select(d => d.Name), targets.Keys);
        var planOptions = options.PlanOptions?.Clone() ?? new PlanOptions();
        planOptions.Name = name;
        planOptions.MaxParallelism = maxParallelism ?? planOptions.MaxParallelism;
        planOptions.DefaultTimeout = timeout ?? planOptions.DefaultTimeout;
        if (planStrategy.Any)
        {
            planOptions.ErrorStrategy = planStrategy.Build(StrategyFields.None);
        }

        var plan = new Plan(planOptions);
        foreach (var d in drafts)
        {
            foreach (var (taskName, target) in fanOut.Instances(d.Name, d.Target))
            {
                AddTask(plan, d, taskName, target, planStrategy, fanOut);
            }
        }

        var byName = drafts.ToDictionary(d => d.Name, StringComparer.Ordinal);
        var graphErrors = plan.FindErrors();
        if (graphErrors.Count > 0)
        {
            throw new PlanValidationException(name, graphErrors
                .Select(e => e with { Location = e.TaskName is { } t && byName.TryGetValue(TargetFanOut.DraftName(t), out var d) ? d.Location : null })
                .ToList());
        }

        return plan;
    }

    private static void AddTask(Plan plan, TaskDraft d, string taskName, string? target, StrategyFields planStrategy, TargetFanOut fanOut)
    {
        var task = plan.Task(taskName, d.Operation!);
        task.DependsOn([.. d.Dependencies.SelectMany(x => fanOut.Resolve(x.Name, d.Name, target))]);
        if (d.OnlyIfChanged)
        {
            task.OnlyIfChanged();
        }

        if (d.When is { } when)
        {
            task.When(fanOut.IsEmpty ? when.Evaluate : results => when.Evaluate(results, n => fanOut.Resolve(n, d.Name, target)), when.Text);
            if (when.UsesFailed)
            {
                task.EvenIfDependenciesFailed();
            }
        }

        if (d.Strategy.Any)
        {
            task.OnError(d.Strategy.Build(planStrategy));
        }

        if (d.Timeout is { } t)
        {
            task.WithTimeout(t);
        }

        if (target is not null)
        {
            task.OnTarget(target);
        }
    }

    private TaskDraft? ReadTask(YScalar key, YNode value, StrategyFields planStrategy)
    {
        var name = key.Value;
        interpolator.TaskName = name;
        if (!TaskName().IsMatch(name))
        {
            errors.Add(new PlanError("a task name must start with a letter or digit and use only letters, digits, '_', '-' and '.'.", name, key.Location));
        }

        if (value is not YMapping m)
        {
            errors.Add(new PlanError($"a task must be a mapping with at least 'type', not {value.KindName}.", name, value.Location));
            return null;
        }

        var draft = new TaskDraft(name, key.Location)
        {
            OnlyIfChanged = Bool(m, "only_if_changed", name) ?? false,
            Timeout = Duration(m, "timeout", name),
            Target = Text(m, "target", name),
            Strategy = ReadStrategy(m, name),
        };
        _ = Text(m, "description", name);
        if (draft.Target is not null)
        {
            draft.TargetLocation = m.Get("target")!.Location;
        }

        draft.Dependencies.AddRange(ReadDependencies(m, name));
        if (Scalar(m, "when", name) is { } whenNode)
        {
            var text = interpolator.Apply(whenNode);
            try
            {
                draft.When = WhenExpression.Parse(text);
                draft.WhenLocation = whenNode.Location;
                draft.WhenTextOffset = whenNode.TextOffset;
            }
            catch (WhenSyntaxException ex)
            {
                errors.Add(new PlanError($"invalid 'when': {ex.Message}", name, Shift(whenNode, ex.Offset)));
            }
        }

        var type = Text(m, "type", name);
        var registry = options.Operations;
        if (type is null)
        {
            errors.Add(new PlanError($"the task needs a 'type' (one of: {string.Join(", ", registry.Types)}).", name, key.Location));
            return draft;
        }

        if (!registry.Contains(type))
        {
            var hint = NameSuggestion.Closest(type, registry.Types) is { } close ? $" Did you mean '{close}'?" : "";
            errors.Add(new PlanError($"unknown type '{type}' (known: {string.Join(", ", registry.Types)}).{hint}", name, m.Get("type")!.Location));
            return draft;
        }

        var operationEntries = m.Entries
            .Where(e => !TaskKeys.Contains(e.Key.Value))
            .Select(e => new KeyValuePair<YScalar, YNode>(e.Key, interpolator.Apply(e.Value)));
        var arguments = new OperationArguments(name, type, options.BaseDirectory, operationEntries, key.Location, errors);
        draft.Operation = registry.Create(arguments);
        arguments.ReportUnknownKeys(TaskKeys);
        if (draft.Operation is null && !arguments.HasErrors)
        {
            errors.Add(new PlanError($"the '{type}' operation could not be built from these settings.", name, key.Location));
        }

        return draft;
    }

    private List<(string Name, SourceLocation Location)> ReadDependencies(YMapping m, string task)
    {
        var list = new List<(string, SourceLocation)>();
        switch (m.Get("depends_on"))
        {
            case null:
                break;
            case YScalar s when s.IsNull:
                break;
            case YScalar s:
                list.Add((interpolator.Apply(s), s.Location));
                break;
            case YSequence q:
                foreach (var item in q.Items)
                {
                    if (item is YScalar dep)
                    {
                        list.Add((interpolator.Apply(dep), dep.Location));
                    }
                    else
                    {
                        errors.Add(new PlanError($"the items of 'depends_on' must be task names, not {item.KindName}.", task, item.Location));
                    }
                }

                break;
            case var other:
                errors.Add(new PlanError($"'depends_on' must be a task name or a list of task names, not {other.KindName}.", task, other.Location));
                break;
        }

        return list;
    }

    private void CheckReferences(List<TaskDraft> drafts, IReadOnlyDictionary<string, string> targets)
    {
        var byName = new Dictionary<string, TaskDraft>(StringComparer.Ordinal);
        foreach (var d in drafts)
        {
            byName.TryAdd(d.Name, d);
        }

        foreach (var d in drafts)
        {
            foreach (var (dep, at) in d.Dependencies)
            {
                if (!byName.ContainsKey(dep))
                {
                    var hint = NameSuggestion.Closest(dep, byName.Keys) is { } close ? $" Did you mean '{close}'?" : "";
                    errors.Add(new PlanError($"depends on '{dep}', which is not a task in this plan.{hint}", d.Name, at));
                }
            }

            if (d.Target == TargetFanOut.AllTargets)
            {
                if (targets.Count == 0)
                {
                    errors.Add(new PlanError($"target '{TargetFanOut.AllTargets}' runs the task once per entry of 'targets', but the plan defines no targets; add them or drop 'target'.", d.Name, d.TargetLocation));
                }
            }
            else if (d.Target is { } target && !targets.ContainsKey(target))
            {
                var known = targets.Count == 0 ? "the plan defines no targets" : $"known: {string.Join(", ", targets.Keys.Order(StringComparer.Ordinal))}";
                errors.Add(new PlanError($"unknown target '{target}' ({known}); define it under 'targets'.", d.Name, d.TargetLocation));
            }
        }

        foreach (var d in drafts.Where(d => d.When is not null))
        {
            var ancestors = Ancestors(d, byName);
            foreach (var (name, offset) in d.When!.References.OrderBy(r => r.Offset))
            {
                var at = d.WhenLocation! with { Column = d.WhenLocation!.Column + d.WhenTextOffset + offset };
                if (!byName.ContainsKey(name))
                {
                    var hint = NameSuggestion.Closest(name, byName.Keys) is { } close ? $" Did you mean '{close}'?" : "";
                    errors.Add(new PlanError($"'when' refers to '{name}', which is not a task in this plan.{hint}", d.Name, at));
                }
                else if (!ancestors.Contains(name))
                {
                    errors.Add(new PlanError($"'when' refers to '{name}', which is not a dependency of this task, so its result may not exist yet; add it to depends_on.", d.Name, at));
                }
            }
        }
    }

    private static HashSet<string> Ancestors(TaskDraft task, Dictionary<string, TaskDraft> byName)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<TaskDraft>([task]);
        while (stack.TryPop(out var current))
        {
            foreach (var (dep, _) in current.Dependencies)
            {
                if (seen.Add(dep) && byName.TryGetValue(dep, out var next))
                {
                    stack.Push(next);
                }
            }
        }

        return seen;
    }

    private void ReportDuplicates(List<YamlReader.DuplicateKey> duplicates, YNode? tasks)
    {
        foreach (var d in duplicates)
        {
            var first = $"first defined at line {d.First.Line}, column {d.First.Column}";
            errors.Add(ReferenceEquals(d.Mapping, tasks)
                ? new PlanError($"duplicate task name '{d.Key.Value}' ({first}); task names must be unique.", d.Key.Value, d.Key.Location)
                : new PlanError($"duplicate key '{d.Key.Value}' ({first}).", null, d.Key.Location));
        }
    }

    private List<PlanError> Sorted() =>
        [.. errors.Select((e, i) => (e, i)).OrderBy(x => x.e.Location?.Line ?? 0).ThenBy(x => x.e.Location?.Column ?? 0).ThenBy(x => x.i).Select(x => x.e)];

    private static SourceLocation Shift(YScalar node, int offset) =>
        node.Location with { Column = node.Location.Column + node.TextOffset + offset };

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    private static partial Regex TaskName();

    private sealed class TaskDraft(string name, SourceLocation location)
    {
        public string Name { get; } = name;

        public SourceLocation Location { get; } = location;

        public IOperation? Operation { get; set; }

        public List<(string Name, SourceLocation Location)> Dependencies { get; } = [];

        public bool OnlyIfChanged { get; init; }

        public WhenExpression? When { get; set; }

        public SourceLocation? WhenLocation { get; set; }

        public int WhenTextOffset { get; set; }

        public StrategyFields Strategy { get; init; } = StrategyFields.None;

        public TimeSpan? Timeout { get; init; }

        public string? Target { get; init; }

        public SourceLocation? TargetLocation { get; set; }
    }
}
