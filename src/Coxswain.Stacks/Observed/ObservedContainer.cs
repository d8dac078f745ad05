using System.Globalization;
using Coxswain.Engine;

namespace Coxswain.Stacks;

/// <summary>One container of the project as the engine reported it.</summary>
/// <param name="Id">The engine's id.</param>
/// <param name="Name">The name, without a leading slash.</param>
/// <param name="Image">The image reference it was created from.</param>
/// <param name="Labels">Its labels.</param>
/// <param name="State">Its state (exit code, OOM, start time, ...).</param>
public sealed record ObservedContainer(string Id, string Name, string Image, IReadOnlyDictionary<string, string> Labels, ContainerState State)
{
    /// <summary>Published ports.</summary>
    public IReadOnlyList<PortBinding> Ports { get; init; } = [];

    /// <summary>When it was created.</summary>
    public DateTimeOffset Created { get; init; }

    /// <summary>The service label, or "" when missing.</summary>
    public string Service => Labels.GetValueOrDefault(StackLabels.Service, "");

    /// <summary>The slot label, or 0 when missing or malformed.</summary>
    public int Slot => int.TryParse(Labels.GetValueOrDefault(StackLabels.Slot), NumberStyles.None, CultureInfo.InvariantCulture, out var slot) ? slot : 0;

    /// <summary>The config-hash label, or "" when missing.</summary>
    public string ConfigHash => Labels.GetValueOrDefault(StackLabels.ConfigHash, "");

    /// <summary>True when the container runs.</summary>
    public bool Running => State.Running || State.Status is ContainerStatus.Running or ContainerStatus.Restarting;

    /// <summary>A short form of the hash for messages.</summary>
    /// <param name="hash">A hash.</param>
    /// <returns>Its first 12 characters.</returns>
    public static string ShortHash(string hash) => string.IsNullOrEmpty(hash) ? "(none)" : hash[..Math.Min(12, hash.Length)];
}
