namespace Coxswain.Matrix;

/// <summary>How much a matrix run prints; also passed to containers as <c>VERBOSE</c> (the enum's value, 0..3).</summary>
public enum Verbosity
{
    /// <summary><c>-q</c>: only the final summary. <c>VERBOSE=0</c>.</summary>
    Quiet = 0,

    /// <summary>Default: start, retry and end lines, and each target's <c>PB&gt;</c> progress frames. <c>VERBOSE=1</c>.</summary>
    Normal = 1,

    /// <summary><c>-v</c>: also every stdout line of every container, as written. <c>VERBOSE=2</c>.</summary>
    Verbose = 2,

    /// <summary><c>-vv</c>: also every stderr line, live, on stderr; and the user's log-level variable. <c>VERBOSE=3</c>.</summary>
    Debug = 3,
}
