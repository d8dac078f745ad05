using Coxswain.Compose;

namespace Coxswain.Apps;

/// <summary>
/// Secrets of apps come from files only: each secret a service uses must be declared with <c>file:</c> and the file must be
/// readable. Stacks mount such a file read-only at the reference's target (<c>/run/secrets/&lt;name&gt;</c> by default); its
/// content is never copied into the container's environment, labels or Coxswain's state.
/// </summary>
public static class AppSecrets
{
    /// <summary>Checks the project's secrets and returns one message per problem.</summary>
    /// <param name="project">The project.</param>
    /// <returns>The problems; empty when every used secret has a readable file.</returns>
    public static IReadOnlyList<string> Check(ComposeProject project)
    {
        ArgumentNullException.ThrowIfNull(project);
        var errors = new List<string>();
        foreach (var service in project.Services)
        {
            foreach (var reference in service.Secrets)
            {
                var secret = project.Secrets.FirstOrDefault(s => s.Name == reference.Source);
                if (secret?.File is not { } file)
                {
                    var source = secret?.Environment is { } variable ? $"the variable {variable}" : secret?.External == true ? "an external (Swarm) secret" : "nothing";
                    errors.Add($"service {service.Name} uses secret \"{reference.Source}\", which comes from {source}; apps take secrets from files: declare it with file: ./path");
                }
                else if (!IsReadable(file))
                {
                    errors.Add($"service {service.Name}: the file {file} of secret \"{reference.Source}\" cannot be read; create it (owner-only, e.g. chmod 600) next to the app's compose.yaml");
                }
            }
        }

        return errors;
    }

    private static bool IsReadable(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
