namespace Coxswain.Plans;

/// <summary>A plan is not valid: every problem found, each with its task and place.</summary>
public sealed class PlanValidationException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="planName">The plan's name.</param>
    /// <param name="errors">Every problem (at least one).</param>
    public PlanValidationException(string planName, IReadOnlyList<PlanError> errors)
        : base(BuildMessage(planName, errors))
    {
        PlanName = planName;
        Errors = errors;
    }

    /// <summary>The plan's name.</summary>
    public string PlanName { get; }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<PlanError> Errors { get; }

    private static string BuildMessage(string planName, IReadOnlyList<PlanError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var head = errors.Count == 1
            ? $"Plan '{planName}' is not valid: "
            : $"Plan '{planName}' is not valid ({errors.Count} problems):";
        return errors.Count == 1
            ? head + errors[0]
            : head + string.Concat(errors.Select(e => Environment.NewLine + "  " + e));
    }
}
