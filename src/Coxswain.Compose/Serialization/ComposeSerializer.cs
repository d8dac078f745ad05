using System.Text.Encodings.Web;
using System.Text.Json;

namespace Coxswain.Compose;

/// <summary>
/// Prints the normalized model for <c>cox config</c>: Compose field names, keys sorted, services and resources sorted by name,
/// durations as <c>1m30s</c>, sizes in bytes, paths absolute, defaults and empty values left out. Variables are not printed.
/// </summary>
public static class ComposeSerializer
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The project as YAML.</summary>
    /// <param name="project">The project.</param>
    /// <returns>The YAML text (ends with a newline).</returns>
    public static string ToYaml(ComposeProject project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return YamlTextWriter.Write(ModelDocument.Project(project));
    }

    /// <summary>The project as indented JSON.</summary>
    /// <param name="project">The project.</param>
    /// <returns>The JSON text (ends with a newline).</returns>
    public static string ToJson(ComposeProject project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return ModelDocument.Project(project).ToJsonString(JsonOptions) + "\n";
    }
}
