namespace Coxswain.EngineTests;

/// <summary>
/// Names and labels for the objects one test creates: a unique <c>cox-ct-</c> name prefix, the suite's labels
/// (so the fixture can find leftovers) and a label unique to the test (so list, prune and event filters see only its objects).
/// </summary>
internal sealed class TestScope
{
    /// <summary>Label on everything the contract suite creates.</summary>
    public const string SuiteLabel = "io.coxswain.test";

    /// <summary>Value of <see cref="SuiteLabel"/>.</summary>
    public const string SuiteLabelValue = "contract";

    /// <summary>Label naming the fixture run that created an object ("unixseconds-id").</summary>
    public const string RunLabel = "io.coxswain.test.run";

    /// <summary>Label unique to one test.</summary>
    public const string CaseLabel = "io.coxswain.test.case";

    /// <summary>Prefix of every name the suite gives to containers, networks, volumes and image tags.</summary>
    public const string NamePrefix = "cox-ct-";

    public TestScope(string runId)
    {
        Id = Guid.NewGuid().ToString("N")[..10];
        Labels = new Dictionary<string, string>
        {
            [SuiteLabel] = SuiteLabelValue,
            [RunLabel] = runId,
            [CaseLabel] = Id,
        };
    }

    /// <summary>Short id unique to this test.</summary>
    public string Id { get; }

    /// <summary>The labels every object of this test carries.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; }

    /// <summary>Filter matching exactly this test's objects.</summary>
    public string CaseFilter => $"{CaseLabel}={Id}";

    /// <summary>A fresh unique name: <c>cox-ct-&lt;id&gt;-&lt;what&gt;</c>.</summary>
    public string Name(string what) => $"{NamePrefix}{Id}-{what}";

    /// <summary>This test's labels plus <paramref name="extra"/>.</summary>
    public Dictionary<string, string> LabelsWith(params (string Key, string Value)[] extra)
    {
        var labels = new Dictionary<string, string>(Labels);
        foreach (var (key, value) in extra)
        {
            labels[key] = value;
        }

        return labels;
    }
}
