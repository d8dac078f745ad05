using System.Text.Json;

namespace Coxswain.Daemon.Rpc;

/// <summary>Reads named fields of a request's <c>params</c> object, failing with <see cref="RpcErrorCodes.InvalidParams"/> and the field's name.</summary>
public static class RpcParams
{
    /// <summary>A required text field.</summary>
    /// <param name="parameters">The request's params.</param>
    /// <param name="name">The field.</param>
    /// <exception cref="RpcException">When it is missing or not a string.</exception>
    public static string RequiredString(JsonElement? parameters, string name) =>
        OptionalString(parameters, name) ?? throw new RpcException(RpcErrorCodes.InvalidParams, $"params.{name} is required (a string)");

    /// <summary>An optional text field.</summary>
    /// <param name="parameters">The request's params.</param>
    /// <param name="name">The field.</param>
    /// <exception cref="RpcException">When it is present but not a string.</exception>
    public static string? OptionalString(JsonElement? parameters, string name) => Field(parameters, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { ValueKind: JsonValueKind.Null } => null,
        _ => throw new RpcException(RpcErrorCodes.InvalidParams, $"params.{name} must be a string"),
    };

    /// <summary>An optional boolean field.</summary>
    /// <param name="parameters">The request's params.</param>
    /// <param name="name">The field.</param>
    /// <exception cref="RpcException">When it is present but not a boolean.</exception>
    public static bool? OptionalBool(JsonElement? parameters, string name) => Field(parameters, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.Null } => null,
        _ => throw new RpcException(RpcErrorCodes.InvalidParams, $"params.{name} must be true or false"),
    };

    /// <summary>An optional whole-number field within a range.</summary>
    /// <param name="parameters">The request's params.</param>
    /// <param name="name">The field.</param>
    /// <param name="min">Smallest allowed.</param>
    /// <param name="max">Largest allowed.</param>
    /// <exception cref="RpcException">When it is present but not a whole number in range.</exception>
    public static int? OptionalInt(JsonElement? parameters, string name, int min = int.MinValue, int max = int.MaxValue) => Field(parameters, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.Number } value when value.TryGetInt32(out var n) && n >= min && n <= max => n,
        _ => throw new RpcException(RpcErrorCodes.InvalidParams, $"params.{name} must be a whole number from {min} to {max}"),
    };

    private static JsonElement? Field(JsonElement? parameters, string name)
    {
        if (parameters is not { } p || p.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return null;
        }

        if (p.ValueKind != JsonValueKind.Object)
        {
            throw new RpcException(RpcErrorCodes.InvalidParams, "params must be an object with named fields");
        }

        return p.TryGetProperty(name, out var value) ? value : null;
    }
}
