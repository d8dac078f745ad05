namespace Coxswain.Stacks;

/// <summary>Pull an image the stack needs.</summary>
/// <param name="Image">The image and its services.</param>
/// <param name="Cause">Why.</param>
public sealed record PullImageOperation(DesiredImage Image, string Cause) : StackOperation("pull image " + Image?.Reference, Cause);

/// <summary>Build a service's image from its <c>build:</c> context.</summary>
/// <param name="Image">The image, its services and build settings.</param>
/// <param name="Cause">Why.</param>
public sealed record BuildImageOperation(DesiredImage Image, string Cause) : StackOperation("build image " + Image?.Reference, Cause);
