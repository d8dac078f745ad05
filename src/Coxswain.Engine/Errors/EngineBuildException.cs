namespace Coxswain.Engine;

/// <summary>An image build failed; <see cref="OutputTail"/> holds its last lines of output.</summary>
public sealed class EngineBuildException : EngineException
{
    /// <summary>Creates a build error.</summary>
    public EngineBuildException(string error, IReadOnlyList<string> outputTail)
        : base($"image build failed: {error}" + (outputTail.Count == 0 ? "" : "\nlast lines of build output:\n  " + string.Join("\n  ", outputTail)))
    {
        Error = error;
        OutputTail = outputTail;
    }

    /// <summary>The engine's error text.</summary>
    public string Error { get; }

    /// <summary>The last lines the build printed.</summary>
    public IReadOnlyList<string> OutputTail { get; }
}
