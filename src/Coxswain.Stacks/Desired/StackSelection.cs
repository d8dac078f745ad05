namespace Coxswain.Stacks;

/// <summary>Which services an <c>up</c> converges and how many slots each gets.</summary>
public sealed record StackSelection
{
    /// <summary>Services named on the command line (their dependencies come too); empty = every active service.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary><c>--scale svc=n</c>: replicas per service, over deploy.replicas.</summary>
    public IReadOnlyDictionary<string, int> Scale { get; init; } = new Dictionary<string, int>();

    /// <summary>The owner epoch written into the labels of what is created.</summary>
    public string Epoch { get; init; } = "0";
}
