namespace Coxswain.Compose;

/// <summary>One problem found while loading Compose files, with where it is and which field it concerns.</summary>
/// <param name="Severity">Error or warning.</param>
/// <param name="Code">A stable identifier of the kind of problem (see <see cref="DiagnosticCodes"/>).</param>
/// <param name="Location">Where it was written; null when it comes from an option (e.g. <c>-p</c>).</param>
/// <param name="Path">The field path, e.g. <c>services.api.depends_on</c>; empty for the file as a whole.</param>
/// <param name="Message">What is wrong and, where possible, what to do.</param>
public sealed record Diagnostic(DiagnosticSeverity Severity, string Code, SourceLocation? Location, string Path, string Message)
{
    /// <summary>True for <see cref="DiagnosticSeverity.Error"/>.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>
    /// The compiler form: <c>compose.yaml:12:7: services.api.depends_on: unknown service "dbx" (did you mean "db"?)</c>.
    /// Warnings carry <c>warning: </c> after the location.
    /// </summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = Location is null ? string.Empty : Location + ": ";
        if (Severity == DiagnosticSeverity.Warning)
        {
            text += "warning: ";
        }

        if (Path.Length > 0)
        {
            text += Path + ": ";
        }

        return text + Message;
    }
}
