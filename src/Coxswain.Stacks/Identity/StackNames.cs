using System.Globalization;

namespace Coxswain.Stacks;

/// <summary>Deterministic names of the objects of a stack.</summary>
public static class StackNames
{
    /// <summary>The container name of a service's slot: <c>container_name</c> when set, else <c>&lt;project&gt;-&lt;service&gt;-&lt;slot&gt;</c>.</summary>
    /// <param name="project">The project name.</param>
    /// <param name="service">The service name.</param>
    /// <param name="slot">The slot, from 1.</param>
    /// <param name="containerName">The service's <c>container_name</c>, if any.</param>
    /// <returns>The container name.</returns>
    public static string Container(string project, string service, int slot, string? containerName = null) =>
        !string.IsNullOrEmpty(containerName) ? containerName : string.Create(CultureInfo.InvariantCulture, $"{project}-{service}-{slot}");
}
