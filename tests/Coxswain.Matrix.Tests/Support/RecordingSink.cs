
namespace Coxswain.Matrix.Tests;

/// <summary>Keeps every line written, with its stream.</summary>
public sealed class RecordingSink : ILineSink
{
    private readonly Lock gate = new();
    private readonly List<(OutputStream Stream, string Line)> lines = [];

    public IReadOnlyList<(OutputStream Stream, string Line)> Lines
    {
        get
        {
            lock (gate)
            {
                return lines.ToList();
            }
        }
    }

    public IReadOnlyList<string> Out => Lines.Where(l => l.Stream == OutputStream.Out).Select(l => l.Line).ToList();

    public IReadOnlyList<string> Error => Lines.Where(l => l.Stream == OutputStream.Error).Select(l => l.Line).ToList();

    public string Text => string.Join("\n", Lines.Select(l => l.Line));

    public void WriteLine(OutputStream stream, string line)
    {
        lock (gate)
        {
            lines.Add((stream, line));
        }
    }
}
