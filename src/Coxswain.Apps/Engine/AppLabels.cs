namespace Coxswain.Apps;

/// <summary>Labels Coxswain adds to every container of an app (besides the stack labels).</summary>
public static class AppLabels
{
    /// <summary>The app id: tells an app's containers from those of a stack started with <c>cox up</c>.</summary>
    public const string App = "io.coxswain.app";

    /// <summary>The id of the image the service was installed with: a new image under the same tag changes the config hash,
    /// so an upgrade recreates the container.</summary>
    public const string ImageId = "io.coxswain.image-id";
}
