namespace Coxswain.Engine;

/// <summary>No engine answered: lists every endpoint tried with its error, and what to do about it.</summary>
public sealed class EngineUnavailableException : EngineException
{
    /// <summary>Creates an unavailable error from the attempts made.</summary>
    public EngineUnavailableException(IReadOnlyList<EndpointAttempt> attempts, string hint, Exception? innerException = null)
        : base(Format(attempts, hint), innerException)
    {
        Attempts = attempts;
        Hint = hint;
    }

    /// <summary>Every endpoint tried, in order, with why it failed.</summary>
    public IReadOnlyList<EndpointAttempt> Attempts { get; }

    /// <summary>What to install, start or set.</summary>
    public string Hint { get; }

    private static string Format(IReadOnlyList<EndpointAttempt> attempts, string hint)
    {
        var lines = attempts.Select(a => $"  - {a.Endpoint} ({a.Endpoint.Source}): {a.Error}");
        return "no container engine answered. Tried:\n" + string.Join("\n", lines) + "\n" + hint;
    }
}
