namespace Coxswain.Engine.Testing;

/// <summary>What an image in the fake registry or seeded locally contains: its config and size.</summary>
public sealed record ImageDefinition
{
    /// <summary>Default command (CMD).</summary>
    public IReadOnlyList<string> Command { get; init; } = [];

    /// <summary>Default entrypoint.</summary>
    public IReadOnlyList<string> Entrypoint { get; init; } = [];

    /// <summary>Default environment, "KEY=value".</summary>
    public IReadOnlyList<string> Environment { get; init; } = [];

    /// <summary>Labels.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Default working directory.</summary>
    public string WorkingDirectory { get; init; } = "";

    /// <summary>Default user.</summary>
    public string User { get; init; } = "";

    /// <summary>Stop signal from the image (STOPSIGNAL); null for SIGTERM.</summary>
    public string? StopSignal { get; init; }

    /// <summary>Size in bytes.</summary>
    public long SizeBytes { get; init; } = 5 * 1024 * 1024;

    /// <summary>Number of layers (pull progress reports one line set per layer).</summary>
    public int LayerCount { get; init; } = 3;

    /// <summary>A busybox-like image: <c>sh</c> as the default command, as the project's test images have.</summary>
    public static ImageDefinition Busybox { get; } = new() { Command = ["sh"], SizeBytes = 2_008_135, LayerCount = 1 };
}
