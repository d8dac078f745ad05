using System.Text;

namespace Coxswain.Compose;

/// <summary>Compose project names: lowercase letters, digits, <c>-</c> and <c>_</c>, starting with a letter or digit.</summary>
public static class ProjectNames
{
    /// <summary>True when the name is a valid project name as it stands.</summary>
    /// <param name="name">The name.</param>
    /// <returns>Whether it is valid.</returns>
    public static bool IsValid(string name) =>
        name.Length > 0 && IsLowerAlnum(name[0]) && name.All(c => IsLowerAlnum(c) || c is '-' or '_');

    /// <summary>Normalizes a name the way Compose does for folder names: lowercase, other characters dropped, leading <c>-</c>/<c>_</c> dropped. May return an empty string.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The normalized name.</returns>
    public static string Normalize(string name)
    {
        var result = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            if (IsLowerAlnum(c) || (c is '-' or '_' && result.Length > 0))
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    /// <summary>Why a name is not valid, with a suggestion.</summary>
    /// <param name="name">The invalid name.</param>
    /// <returns>The explanation.</returns>
    public static string Explain(string name)
    {
        var suggestion = Normalize(name);
        var hint = suggestion.Length > 0 ? $" (try \"{suggestion}\")" : string.Empty;
        return $"invalid project name \"{name}\": use only lowercase letters, digits, \"-\" and \"_\", starting with a letter or digit{hint}";
    }

    private static bool IsLowerAlnum(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
}
