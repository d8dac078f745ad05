namespace Coxswain.Apps;

/// <summary>The image a service runs: the reference in the Compose file and the image id it resolved to.</summary>
/// <param name="Reference">The reference, e.g. <c>cox-busybox:latest</c>.</param>
/// <param name="Id">The image id (<c>sha256:...</c>); empty when unknown (a built image).</param>
public sealed record AppImage(string Reference, string Id);
