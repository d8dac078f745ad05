using Coxswain.Engine;

namespace Coxswain.Plans.Operations.Engine;

/// <summary>Reads engine state where "not there" is an answer, not an error.</summary>
internal static class EngineLookup
{
    /// <summary>The container named <paramref name="name"/>, or null when it does not exist.</summary>
    public static async Task<ContainerInfo?> FindContainerAsync(IEngineClient engine, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await engine.InspectContainerAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (EngineNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The image <paramref name="reference"/>, or null when it is not present.</summary>
    public static async Task<ImageInfo?> FindImageAsync(IEngineClient engine, string reference, CancellationToken cancellationToken)
    {
        try
        {
            return await engine.InspectImageAsync(reference, cancellationToken).ConfigureAwait(false);
        }
        catch (EngineNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The network <paramref name="name"/>, or null when it does not exist.</summary>
    public static async Task<NetworkInfo?> FindNetworkAsync(IEngineClient engine, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await engine.InspectNetworkAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (EngineNotFoundException)
        {
            return null;
        }
    }

    /// <summary>"container 'web' on unix:///run/docker.sock": identity for messages.</summary>
    public static string Describe(string kind, string name, IEngineClient engine) => $"{kind} '{name}' on {engine.Endpoint}";
}
