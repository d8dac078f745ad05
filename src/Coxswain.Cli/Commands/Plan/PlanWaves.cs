namespace Coxswain.Cli.Commands.Plan;

/// <summary>The wave of each task (1 + the deepest wave among its dependencies), as the dry run counts them.</summary>
internal static class PlanWaves
{
    public static Dictionary<string, int> Compute(Coxswain.Plans.Plan plan)
    {
        var wave = new Dictionary<string, int>(StringComparer.Ordinal);
        var pending = new Queue<Coxswain.Plans.PlanTask>(plan.Tasks);
        var stalls = 0;
        while (pending.TryDequeue(out var task) && stalls <= pending.Count)
        {
            var level = 1;
            var ready = true;
            foreach (var dependency in task.Dependencies)
            {
                if (wave.TryGetValue(dependency, out var w))
                {
                    level = Math.Max(level, w + 1);
                }
                else
                {
                    ready = false;
                    break;
                }
            }

            if (ready)
            {
                wave[task.Name] = level;
                stalls = 0;
            }
            else
            {
                pending.Enqueue(task);
                stalls++;
            }
        }

        return wave;
    }
}
