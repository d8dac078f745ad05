using System.Text;

namespace Coxswain.Plans;

/// <summary>
/// What a plan would do, without doing it: the waves in order and, per task, whether it would
/// change something. <see cref="Render"/> gives stable text (the same every time for the same plan and state).
/// </summary>
/// <param name="PlanName">The plan's name.</param>
/// <param name="Direction">The walk's direction.</param>
/// <param name="Waves">The waves, in order.</param>
public sealed record DryRunResult(string PlanName, PlanDirection Direction, IReadOnlyList<DryRunWave> Waves)
{
    /// <summary>Every task, wave by wave.</summary>
    public IEnumerable<DryRunTask> Tasks => Waves.SelectMany(w => w.Tasks);

    /// <summary>
    /// Stable text: a header, one block per wave with one line per task
    /// (<c>~</c> would change, <c>=</c> no change, <c>?</c> unknown, <c>-</c> would skip), and a count line.
    /// </summary>
    public string Render()
    {
        var tasks = Tasks.ToList();
        var nameWidth = tasks.Count == 0 ? 0 : tasks.Max(t => t.Name.Length);
        var kindWidth = tasks.Count == 0 ? 0 : tasks.Max(t => t.Kind.Length);
        var text = new StringBuilder();
        text.Append("Dry run of plan '").Append(PlanName).Append("': ")
            .Append(Plural(tasks.Count, "task")).Append(" in ").Append(Plural(Waves.Count, "wave"))
            .Append(Direction == PlanDirection.Reverse ? " (reverse order)" : "").Append('\n');
        foreach (var wave in Waves)
        {
            text.Append("wave ").Append(wave.Number).Append('\n');
            foreach (var t in wave.Tasks)
            {
                var line = new StringBuilder("  ")
                    .Append(Symbol(t.Outcome)).Append(' ')
                    .Append(t.Name.PadRight(nameWidth)).Append("  ")
                    .Append(t.Kind.PadRight(kindWidth)).Append("  ")
                    .Append(Label(t.Outcome));
                if (t.Reason.Length > 0)
                {
                    line.Append(": ").Append(t.Reason);
                }

                if (t.Conditions.Count > 0)
                {
                    line.Append(" [").AppendJoin("; ", t.Conditions).Append(']');
                }

                text.Append(line.ToString().TrimEnd()).Append('\n');
            }
        }

        text.Append(Plural(tasks.Count, "task"));
        var first = true;
        foreach (var outcome in new[] { DryRunOutcome.WouldChange, DryRunOutcome.NoChange, DryRunOutcome.Unknown, DryRunOutcome.WouldSkip })
        {
            var n = tasks.Count(t => t.Outcome == outcome);
            if (n > 0)
            {
                text.Append(first ? ": " : ", ").Append(n).Append(' ').Append(Label(outcome));
                first = false;
            }
        }

        return text.Append('\n').ToString();
    }

    /// <inheritdoc />
    public override string ToString() => Render();

    private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";

    private static char Symbol(DryRunOutcome outcome) => outcome switch
    {
        DryRunOutcome.WouldChange => '~',
        DryRunOutcome.NoChange => '=',
        DryRunOutcome.WouldSkip => '-',
        _ => '?',
    };

    private static string Label(DryRunOutcome outcome) => outcome switch
    {
        DryRunOutcome.WouldChange => "would change",
        DryRunOutcome.NoChange => "no change",
        DryRunOutcome.WouldSkip => "would skip",
        _ => "unknown",
    };
}
