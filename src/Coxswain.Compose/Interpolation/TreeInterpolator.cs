namespace Coxswain.Compose;

/// <summary>Interpolates every scalar value of a file's tree (never keys), keeping each node's location.</summary>
internal sealed class TreeInterpolator
{
    private readonly Interpolator _interpolator;
    private readonly DiagnosticBag _diagnostics;
    private readonly HashSet<string> _warnedUnset;

    public TreeInterpolator(Func<string, string?> lookup, DiagnosticBag diagnostics, HashSet<string> warnedUnset)
    {
        _interpolator = new Interpolator(lookup);
        _diagnostics = diagnostics;
        _warnedUnset = warnedUnset;
    }

    public ComposeNode Apply(ComposeNode node, string path) => node switch
    {
        ComposeScalar scalar => Scalar(scalar, path),
        ComposeSequence sequence => sequence with { Items = sequence.Items.Select((item, i) => Apply(item, FieldPath.Index(path, i))).ToList() },
        ComposeMapping mapping => mapping with { Entries = mapping.Entries.Select(e => e with { Value = Apply(e.Value, FieldPath.Child(path, e.Name)) }).ToList() },
        _ => node,
    };

    private ComposeScalar Scalar(ComposeScalar scalar, string path)
    {
        var result = _interpolator.Interpolate(scalar.Value);
        foreach (var name in result.UnsetVariables)
        {
            if (_warnedUnset.Add(name))
            {
                _diagnostics.Warning(DiagnosticCodes.UnsetVariable, scalar.Location, path, $"variable \"{name}\" is not set; using an empty string (set it in the environment or in .env, or write ${{{name}:-default}})");
            }
        }

        if (result.Error is not null)
        {
            _diagnostics.Error(DiagnosticCodes.Interpolation, scalar.Location, path, result.Error);
            return scalar;
        }

        // A value that came from a variable is a string, never null: "image: ${IMAGE}" with IMAGE unset is "".
        return ReferenceEquals(result.Value, scalar.Value) || result.Value == scalar.Value ? scalar : scalar with { Value = result.Value!, IsPlain = false };
    }
}
