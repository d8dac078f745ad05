namespace Coxswain.Matrix;

/// <summary>The one writer of a run's terminal output: each line is written and flushed under one lock, whole.</summary>
public sealed class TextLineSink(TextWriter output, TextWriter error) : ILineSink
{
    private readonly Lock gate = new();

    /// <inheritdoc />
    public void WriteLine(OutputStream stream, string line)
    {
        var writer = stream == OutputStream.Error ? error : output;
        lock (gate)
        {
            writer.Write(line + "\n");
            writer.Flush();
        }
    }
}
