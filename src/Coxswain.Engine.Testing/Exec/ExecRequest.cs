namespace Coxswain.Engine.Testing;

/// <summary>An exec being started, as a scripted result sees it.</summary>
public sealed record ExecRequest(
    string ContainerId,
    string ContainerName,
    string Image,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<string> Command)
{
    /// <summary>The command as one string ("sh -c echo hi").</summary>
    public string CommandText => string.Join(' ', Command);
}
