namespace Coxswain.Plans.Operations.Engine;

/// <summary>Where an <see cref="ImageOperation"/> gets a missing image from.</summary>
public enum ImageSource
{
    /// <summary>Pull it from its registry.</summary>
    Pull,

    /// <summary>Import the local busybox root filesystem (<see cref="Coxswain.Engine.LocalImages.EnsureBusyboxAsync"/>): no registry needed.</summary>
    Busybox,
}
