using Coxswain.Cli.Output;
using Coxswain.Stacks;
using Spectre.Console;

namespace Coxswain.Cli.Commands.Stack;

/// <summary>Shows a stack run: on a terminal, one live line per service (its latest step); otherwise plain lines
/// (<see cref="StackProgressWriter"/>).</summary>
internal static class StackProgressDisplay
{
    public static async Task<StackRunResult> RunAsync(CliContext context, IReadOnlyList<string> services, Func<IProgress<StackEvent>, Task<StackRunResult>> run)
    {
        if (!context.OutputIsTerminal)
        {
            return await run(new StackProgressWriter(context)).ConfigureAwait(false);
        }

        var lines = new LiveLines(services);
        StackRunResult? result = null;
        await Terminal.ForOut(context).Live(lines.Render()).AutoClear(false).StartAsync(async live =>
        {
            var progress = new LiveProgress(lines, live);
            result = await run(progress).ConfigureAwait(false);
            live.UpdateTarget(lines.Render());
        }).ConfigureAwait(false);
        return result!;
    }

    private sealed class LiveProgress(LiveLines lines, LiveDisplayContext live) : IProgress<StackEvent>
    {
        public void Report(StackEvent value)
        {
            if (lines.Update(value))
            {
                live.UpdateTarget(lines.Render());
            }
        }
    }

    private sealed class LiveLines
    {
        private const string Resources = "(project)";
        private readonly Lock _gate = new();
        private readonly List<string> _order;
        private readonly Dictionary<string, string> _state = new(StringComparer.Ordinal);

        public LiveLines(IReadOnlyList<string> services)
        {
            _order = [.. services];
            foreach (var service in services)
            {
                _state[service] = "[grey]waiting[/]";
            }
        }

        public bool Update(StackEvent value)
        {
            var key = value.Service ?? Resources;
            var text = value.Kind switch
            {
                StackEventKind.Started => $"[yellow]…[/] {Markup.Escape(value.Operation)}",
                StackEventKind.Progress => $"[yellow]…[/] {Markup.Escape(value.Operation)}: {Markup.Escape(value.Message)}",
                StackEventKind.Finished => $"[green]{Symbols.Ok}[/] {Markup.Escape(value.Operation)}",
                StackEventKind.Skipped => $"[grey]{Symbols.Skipped} {Markup.Escape(value.Operation)} (not run)[/]",
                _ => $"[red]{Symbols.Failed} {Markup.Escape(value.Operation)}[/]",
            };
            lock (_gate)
            {
                if (!_state.ContainsKey(key))
                {
                    _order.Insert(key == Resources ? 0 : _order.Count, key);
                }

                _state[key] = text;
            }

            return true;
        }

        public Rows Render()
        {
            lock (_gate)
            {
                var width = _order.Count == 0 ? 0 : _order.Max(s => s.Length);
                return new Rows(_order.Select(s => new Markup($"{Markup.Escape(s.PadRight(width))}  {_state[s]}")).ToList());
            }
        }
    }
}
