namespace Coxswain.Apps;

/// <summary>One container of an app as people see it.</summary>
/// <param name="AppId">The app.</param>
/// <param name="Name">The container name.</param>
/// <param name="Service">Its Compose service.</param>
/// <param name="Image">The image reference it runs.</param>
/// <param name="State">The state shown to people: running, healthy, stopped, crashed (exit N), killed (OOM), created, ...</param>
/// <param name="Running">True when its process runs.</param>
public sealed record AppContainer(string AppId, string Name, string Service, string Image, string State, bool Running)
{
    /// <summary>The engine's id.</summary>
    public string Id { get; init; } = "";

    /// <summary>The exit code of its last run (0 while running or never run).</summary>
    public long ExitCode { get; init; }
}
