using System.Globalization;

namespace Coxswain.Plans.Yaml;

/// <summary>Typed reading of plan-level and task-level keys, recording errors.</summary>
internal sealed partial class PlanFileCompiler
{
    private Dictionary<string, string> ReadVariables(YMapping top)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (top.Get("variables"))
        {
            case null:
                break;
            case YScalar s when s.IsNull:
                break;
            case YMapping m:
                foreach (var (key, value) in m.Entries)
                {
                    if (value is YScalar v)
                    {
                        variables[key.Value] = v.Value;
                    }
                    else
                    {
                        errors.Add(new PlanError($"variable '{key.Value}' must be a single value, not {value.KindName}.", null, value.Location));
                    }
                }

                break;
            case var other:
                errors.Add(new PlanError($"'variables' must be a mapping of name → value, not {other.KindName}.", null, other.Location));
                break;
        }

        foreach (var (key, value) in options.Variables ?? new Dictionary<string, string>())
        {
            variables[key] = value;
        }

        return variables;
    }

    private Dictionary<string, string> ReadTargets(YMapping top)
    {
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (top.Get("targets"))
        {
            case null:
                break;
            case YScalar s when s.IsNull:
                break;
            case YMapping m:
                foreach (var (key, value) in m.Entries)
                {
                    if (value is YScalar v && !v.IsNull)
                    {
                        targets[key.Value] = interpolator.Apply(v);
                    }
                    else
                    {
                        errors.Add(new PlanError($"target '{key.Value}' must be an engine endpoint (e.g. unix:///run/docker.sock), not {value.KindName}.", null, value.Location));
                    }
                }

                break;
            case var other:
                errors.Add(new PlanError($"'targets' must be a mapping of target name → engine endpoint, not {other.KindName}.", null, other.Location));
                break;
        }

        return targets;
    }

    private StrategyFields ReadStrategy(YMapping m, string? task)
    {
        var onError = Text(m, "on_error", task);
        if (onError is not null and not ("stop_all" or "continue" or "retry"))
        {
            errors.Add(new PlanError($"'on_error' must be stop_all, continue or retry, not '{onError}'.", task, m.Get("on_error")!.Location));
            onError = null;
        }

        var retries = Int(m, "retries", task, min: 0);
        if (onError == "retry" && retries == 0)
        {
            errors.Add(new PlanError("'on_error: retry' needs 'retries' of at least 1 (or leave retries out for the default of 3).", task, m.Get("retries")!.Location));
        }

        BackoffKind? backoff = null;
        if (Text(m, "backoff", task) is { } kind)
        {
            backoff = kind switch
            {
                "constant" => BackoffKind.Constant,
                "linear" => BackoffKind.Linear,
                "exponential" => BackoffKind.Exponential,
                _ => null,
            };
            if (backoff is null)
            {
                errors.Add(new PlanError($"'backoff' must be constant, linear or exponential, not '{kind}'.", task, m.Get("backoff")!.Location));
            }
        }

        return new StrategyFields(onError, retries, Duration(m, "retry_delay", task, allowZero: true), backoff, Duration(m, "max_retry_delay", task));
    }

    private void ReportUnknownKeys(YMapping m, string[] known, string? task, string where)
    {
        foreach (var (key, _) in m.Entries)
        {
            if (!known.Contains(key.Value))
            {
                var hint = NameSuggestion.Closest(key.Value, known) is { } close ? $" Did you mean '{close}'?" : "";
                errors.Add(new PlanError($"unknown key '{key.Value}' {where}.{hint}", task, key.Location));
            }
        }
    }

    private YScalar? Scalar(YMapping m, string key, string? task)
    {
        var node = m.Get(key);
        if (node is null || (node is YScalar s0 && s0.IsNull))
        {
            return null;
        }

        if (node is YScalar s)
        {
            return s;
        }

        errors.Add(new PlanError($"'{key}' must be a single value, not {node.KindName}.", task, node.Location));
        return null;
    }

    private string? Text(YMapping m, string key, string? task)
    {
        interpolator.TaskName = task;
        return Scalar(m, key, task) is { } s ? interpolator.Apply(s) : null;
    }

    private int? Int(YMapping m, string key, string? task, int min)
    {
        var node = Scalar(m, key, task);
        var text = node is null ? null : interpolator.Apply(node);
        if (node is null || text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min)
        {
            return value;
        }

        errors.Add(new PlanError($"'{key}' must be a whole number ≥ {min}, not '{text}'.", task, node.Location));
        return null;
    }

    private bool? Bool(YMapping m, string key, string? task)
    {
        var node = Scalar(m, key, task);
        var text = node is null ? null : interpolator.Apply(node);
        if (node is null || text is null)
        {
            return null;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        errors.Add(new PlanError($"'{key}' must be true or false, not '{text}'.", task, node.Location));
        return null;
    }

    private TimeSpan? Duration(YMapping m, string key, string? task, bool allowZero = false)
    {
        var node = Scalar(m, key, task);
        var text = node is null ? null : interpolator.Apply(node);
        if (node is null || text is null)
        {
            return null;
        }

        if (DurationParser.TryParse(text, out var value) && (allowZero || value > TimeSpan.Zero))
        {
            return value;
        }

        errors.Add(new PlanError($"'{key}' is not a {(allowZero ? "" : "positive ")}duration: '{text}'; {DurationParser.Help}.", task, node.Location));
        return null;
    }
}
