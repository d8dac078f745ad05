namespace Coxswain.Plans.Operations;

/// <summary>The shape of an operation argument in a plan file.</summary>
public enum ArgumentKind
{
    /// <summary>The key is not there.</summary>
    Missing,

    /// <summary>A single value.</summary>
    Scalar,

    /// <summary>A list.</summary>
    List,

    /// <summary>A mapping.</summary>
    Mapping,
}
