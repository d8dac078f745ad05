namespace Coxswain.Matrix;

/// <summary>How a test suite ended, as its <c>PASS</c>/<c>FAIL</c>/<c>XFAIL</c>/<c>XPASS</c> line said.</summary>
public enum SuiteStatus
{
    /// <summary>The suite passed (<c>PASS</c>, or <c>XPASS</c>: passed although expected to fail).</summary>
    Pass,

    /// <summary>The suite failed (<c>FAIL</c>, or <c>XFAIL</c>: failed as expected).</summary>
    Fail,
}
