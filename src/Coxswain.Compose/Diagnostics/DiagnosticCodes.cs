namespace Coxswain.Compose;

/// <summary>The stable codes of <see cref="Diagnostic.Code"/>, for callers and tests that act on a kind of problem.</summary>
public static class DiagnosticCodes
{
    /// <summary>A file could not be read.</summary>
    public const string FileUnreadable = "file-unreadable";

    /// <summary>The YAML is malformed (the parser's message and position).</summary>
    public const string InvalidYaml = "invalid-yaml";

    /// <summary>A value has the wrong type (a list where a string is expected, ...).</summary>
    public const string WrongType = "wrong-type";

    /// <summary>A value has the right type but a bad form (a port, a duration, a size, a restart policy, ...).</summary>
    public const string InvalidValue = "invalid-value";

    /// <summary>A field that is not in the Compose specification.</summary>
    public const string UnknownField = "unknown-field";

    /// <summary>A field of the Compose specification that Coxswain ignores.</summary>
    public const string UnsupportedField = "unsupported-field";

    /// <summary>A field the Compose specification itself calls obsolete (e.g. <c>version</c>).</summary>
    public const string ObsoleteField = "obsolete-field";

    /// <summary>A reference to a service, network, volume, secret or config that is not defined.</summary>
    public const string UnknownReference = "unknown-reference";

    /// <summary>A cycle in <c>depends_on</c>, or a service that depends on itself.</summary>
    public const string DependencyCycle = "dependency-cycle";

    /// <summary>An interpolation that is malformed, or a required variable that has no value.</summary>
    public const string Interpolation = "interpolation";

    /// <summary>A variable used without a default that is not set (it becomes an empty string).</summary>
    public const string UnsetVariable = "unset-variable";

    /// <summary>A service with neither <c>image</c> nor <c>build</c>.</summary>
    public const string MissingImage = "missing-image";

    /// <summary>A project name that is not valid.</summary>
    public const string InvalidProjectName = "invalid-project-name";

    /// <summary>A file named by the Compose file (env_file, secret, config, build context) that does not exist.</summary>
    public const string MissingFile = "missing-file";

    /// <summary>A value defined twice where only one is allowed (a duplicate key, conflicting fields).</summary>
    public const string Duplicate = "duplicate";
}
