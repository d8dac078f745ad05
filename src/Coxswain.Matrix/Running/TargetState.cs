namespace Coxswain.Matrix;

/// <summary>What is known about one target during a run; its tasks write it, the runner reads it at the end.</summary>
internal sealed class TargetState(ImageDecision image)
{
    private readonly Lock gate = new();
    private readonly List<string> summaries = [];

    public ImageDecision Image { get; } = image;

    public string Name => Image.Target.Name;

    /// <summary>The image id to run (set once it is built or found).</summary>
    public string? ImageId { get; set; } = image.ExistingId;

    public bool Built { get; set; }

    public int Attempts { get; set; }

    public long? ExitCode { get; set; }

    public bool TimedOut { get; set; }

    public IReadOnlyList<SuiteResult> Suites { get; set; } = [];

    public IReadOnlyList<string> Summaries
    {
        get
        {
            lock (gate)
            {
                return summaries.ToList();
            }
        }
    }

    public void AddSummary(string path)
    {
        lock (gate)
        {
            summaries.Add(path);
        }
    }
}
