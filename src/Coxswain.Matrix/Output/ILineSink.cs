namespace Coxswain.Matrix;

/// <summary>Takes whole lines only, so output from parallel targets never interleaves in the middle of a line.</summary>
public interface ILineSink
{
    /// <summary>Writes <paramref name="line"/> (without its terminator) and a line feed to <paramref name="stream"/>, in one piece.</summary>
    void WriteLine(OutputStream stream, string line);
}
