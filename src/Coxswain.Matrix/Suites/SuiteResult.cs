namespace Coxswain.Matrix;

/// <summary>One suite line of a container's stdout, parsed by <see cref="SuiteLineParser"/>.</summary>
/// <param name="Name">The suite's name (the rest of the line, trimmed).</param>
/// <param name="Status">Pass or fail.</param>
/// <param name="ExpectedFailure">True for <c>XFAIL</c> and <c>XPASS</c>: the suite was declared expected to fail.</param>
public sealed record SuiteResult(string Name, SuiteStatus Status, bool ExpectedFailure = false)
{
    /// <summary>True when this suite makes its target fail: a <c>FAIL</c> that was not expected.</summary>
    public bool IsUnexpectedFailure => Status == SuiteStatus.Fail && !ExpectedFailure;

    /// <summary>The keyword that produced it: PASS, FAIL, XFAIL or XPASS.</summary>
    public string Keyword => (Status, ExpectedFailure) switch
    {
        (SuiteStatus.Pass, false) => "PASS",
        (SuiteStatus.Fail, false) => "FAIL",
        (SuiteStatus.Fail, true) => "XFAIL",
        _ => "XPASS",
    };
}
