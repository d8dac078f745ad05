namespace Coxswain.Compose;

/// <summary>Collects diagnostics during one load, so every problem is reported together.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly HashSet<Diagnostic> _seen = [];

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors { get; private set; }

    public void Error(string code, SourceLocation? location, string path, string message) =>
        Add(new Diagnostic(DiagnosticSeverity.Error, code, location, path, message));

    public void Warning(string code, SourceLocation? location, string path, string message) =>
        Add(new Diagnostic(DiagnosticSeverity.Warning, code, location, path, message));

    public void Add(Diagnostic diagnostic)
    {
        // The same node reached twice through a YAML alias reports once.
        if (_seen.Add(diagnostic))
        {
            _items.Add(diagnostic);
            HasErrors |= diagnostic.IsError;
        }
    }
}
