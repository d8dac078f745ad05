namespace Coxswain.Compose;

/// <summary>The variables for interpolation: the env files (<c>--env-file</c>, else the project's <c>.env</c>) with the process environment over them.</summary>
internal static class EnvironmentLoader
{
    public static Dictionary<string, string> Load(IReadOnlyList<string> envFiles, string workingDirectory, IReadOnlyDictionary<string, string> environment, DiagnosticBag diagnostics)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = envFiles.Count > 0
            ? envFiles.Select(f => Path.GetFullPath(f, workingDirectory)).ToList()
            : [Path.Combine(workingDirectory, ".env")];
        foreach (var file in files)
        {
            var display = LoadContext.DisplayPath(workingDirectory, file);
            if (!File.Exists(file))
            {
                if (envFiles.Count > 0)
                {
                    diagnostics.Error(DiagnosticCodes.MissingFile, null, string.Empty, $"env file \"{display}\" does not exist");
                }

                continue;
            }

            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                diagnostics.Error(DiagnosticCodes.FileUnreadable, SourceLocation.FileOnly(display), string.Empty, $"cannot read the env file: {ex.Message}");
                continue;
            }

            foreach (var entry in DotEnvParser.Parse(text, display, name => environment.GetValueOrDefault(name) ?? result.GetValueOrDefault(name), diagnostics))
            {
                if (entry.Value is not null)
                {
                    result[entry.Key] = entry.Value;
                }
            }
        }

        foreach (var (key, value) in environment)
        {
            result[key] = value;
        }

        return result;
    }
}
