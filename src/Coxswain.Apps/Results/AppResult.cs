using System.Diagnostics.CodeAnalysis;

namespace Coxswain.Apps;

/// <summary>The outcome of an app operation: a value, or an <see cref="AppError"/>. Expected failures are results, not exceptions.</summary>
/// <typeparam name="T">The value's type.</typeparam>
public sealed record AppResult<T>
{
    private AppResult(T? value, AppError? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The value when the operation succeeded.</summary>
    public T? Value { get; }

    /// <summary>The error when it failed.</summary>
    public AppError? Error { get; }

    /// <summary>True when it succeeded.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    /// <summary>A success.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The result.</returns>
#pragma warning disable CA1000 // factory methods on the generic result read best at the call site: AppResult<T>.Ok(value)
    public static AppResult<T> Ok(T value) => new(value, null);

    /// <summary>A failure.</summary>
    /// <param name="error">The error.</param>
    /// <returns>The result.</returns>
    public static AppResult<T> Fail(AppError error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));
#pragma warning restore CA1000

    /// <summary>The value, or an <see cref="AppOperationException"/> carrying the error.</summary>
    /// <returns>The value.</returns>
    public T GetValueOrThrow() => Succeeded ? Value : throw new AppOperationException(Error);
}
