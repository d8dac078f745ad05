namespace Coxswain.Compose;

/// <summary>How bad a diagnostic is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The project loads, but something is ignored or looks wrong.</summary>
    Warning,

    /// <summary>The project cannot be used.</summary>
    Error,
}
