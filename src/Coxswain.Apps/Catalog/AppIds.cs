using System.Text.RegularExpressions;

namespace Coxswain.Apps;

/// <summary>App ids: lower-case letters, digits, <c>-</c> and <c>_</c>, starting with a letter or digit, at most 63 characters.
/// The id is the catalog folder's name and the Compose project name, so it can never climb out of the catalog.</summary>
public static partial class AppIds
{
    /// <summary>Whether <paramref name="id"/> is a valid app id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>True when valid.</returns>
    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    /// <summary>The error for an invalid id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The error.</returns>
    internal static AppError Invalid(string? id) => new(
        AppErrorCode.InvalidApp,
        id ?? "",
        $"\"{id}\" is not an app id: use lower-case letters, digits, '-' and '_', starting with a letter or digit (at most 63 characters)");

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
