using System.Globalization;
using System.Text;

namespace Coxswain.Stacks;

/// <summary>
/// What <c>up</c> or <c>down</c> will do to a project: typed operations in a stable order, each with its cause and its
/// dependencies. <see cref="ToText"/> is what <c>--dry-run</c> prints and what the golden tests compare.
/// </summary>
/// <param name="Verb">"up" or "down".</param>
/// <param name="Project">The project name.</param>
public sealed record StackPlan(string Verb, string Project)
{
    /// <summary>The operations, in a stable order (dependencies before dependents).</summary>
    public IReadOnlyList<StackOperation> Operations { get; init; } = [];

    /// <summary>Things people should know that change nothing (orphans kept, unsupported fields).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Services whose containers are already as desired.</summary>
    public IReadOnlyList<string> UpToDate { get; init; } = [];

    /// <summary>True when nothing would change the engine.</summary>
    public bool IsEmpty => !Operations.Any(o => o.Mutates);

    /// <summary>Stable text: a header, one numbered line per operation with its cause and the numbers it waits for, then warnings.</summary>
    /// <returns>The text, ending with a newline.</returns>
    public string ToText()
    {
        var text = new StringBuilder();
        if (IsEmpty)
        {
            text.Append(CultureInfo.InvariantCulture, $"{Verb} {Project}: nothing to do");
            if (Verb == "up")
            {
                text.Append(CultureInfo.InvariantCulture, $": {UpToDate.Count} {(UpToDate.Count == 1 ? "service" : "services")} up to date");
            }

            text.Append('\n');
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"{Verb} {Project}: {Operations.Count} {(Operations.Count == 1 ? "operation" : "operations")}\n");
            var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < Operations.Count; i++)
            {
                var operation = Operations[i];
                numbers[operation.Id] = i + 1;
                text.Append(CultureInfo.InvariantCulture, $"{i + 1,3}. {operation.Id}: {operation.Cause}");
                if (operation.DependsOn.Count > 0)
                {
                    text.Append(" [after ").AppendJoin(", ", operation.DependsOn.Select(d => numbers.TryGetValue(d, out var n) ? n.ToString(CultureInfo.InvariantCulture) : d)).Append(']');
                }

                text.Append('\n');
            }
        }

        foreach (var warning in Warnings)
        {
            text.Append("warning: ").Append(warning).Append('\n');
        }

        return text.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => ToText();
}
