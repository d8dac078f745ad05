namespace Coxswain.Compose;

/// <summary>Thrown by <see cref="LoadResult.GetProjectOrThrow"/>: the Compose files have errors, all listed in the message.</summary>
public sealed class ComposeLoadException : Exception
{
    /// <summary>Creates the exception from the errors.</summary>
    /// <param name="errors">The errors.</param>
    public ComposeLoadException(IReadOnlyList<Diagnostic> errors)
        : base(Describe(errors)) => Errors = errors;

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public ComposeLoadException(string message)
        : base(message) => Errors = [];

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ComposeLoadException(string message, Exception innerException)
        : base(message, innerException) => Errors = [];

    /// <summary>Creates the exception without details.</summary>
    public ComposeLoadException()
        : base("the Compose files have errors") => Errors = [];

    /// <summary>The errors.</summary>
    public IReadOnlyList<Diagnostic> Errors { get; }

    private static string Describe(IReadOnlyList<Diagnostic> errors) =>
        $"the Compose files have {errors.Count} error{(errors.Count == 1 ? string.Empty : "s")}:" + string.Concat(errors.Select(e => "\n  " + e));
}
