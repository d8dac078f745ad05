namespace Coxswain.Apps;

/// <summary>The last log lines of one container.</summary>
/// <param name="Container">The container name.</param>
/// <param name="Service">Its Compose service.</param>
/// <param name="Lines">The lines, oldest first.</param>
public sealed record ContainerLogTail(string Container, string Service, IReadOnlyList<string> Lines);
