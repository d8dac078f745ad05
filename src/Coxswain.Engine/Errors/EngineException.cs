namespace Coxswain.Engine;

/// <summary>Base of every error the engine layer raises. The message is written for a person: what failed and what to do.</summary>
public class EngineException : Exception
{
    /// <summary>Creates an engine error.</summary>
    public EngineException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
