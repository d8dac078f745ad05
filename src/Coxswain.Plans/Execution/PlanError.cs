namespace Coxswain.Plans;

/// <summary>One problem found when validating a plan.</summary>
/// <param name="Message">What is wrong and what to do.</param>
/// <param name="TaskName">The task concerned, if any.</param>
/// <param name="Location">Where in the plan file, for YAML plans.</param>
public sealed record PlanError(string Message, string? TaskName = null, SourceLocation? Location = null)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var where = Location is null ? "" : $"{Location}: ";
        var task = TaskName is null ? "" : $"task '{TaskName}': ";
        return where + task + Message;
    }
}
