using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Coxswain.Daemon.Rpc;

/// <summary>
/// JSON-RPC 2.0 over one HTTP body: a request or a batch in, the response (or batch of responses) out; notifications
/// (no <c>id</c>) are run and answered with nothing. Every failure becomes an error object: parse error, invalid request,
/// method not found, invalid params, the method's own <see cref="RpcException"/>, or an internal error that names the
/// exception (the full one is logged).
/// </summary>
public sealed class JsonRpcDispatcher
{
    /// <summary>How results and error data are written: camelCase names and enum values, nulls left out.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly RpcMethodTable _methods;
    private readonly ILogger _log;

    /// <summary>Creates a dispatcher over <paramref name="methods"/>.</summary>
    /// <param name="methods">The methods.</param>
    /// <param name="log">Where failed calls are logged.</param>
    public JsonRpcDispatcher(RpcMethodTable methods, ILogger log)
    {
        ArgumentNullException.ThrowIfNull(methods);
        ArgumentNullException.ThrowIfNull(log);
        _methods = methods;
        _log = log;
    }

    /// <summary>Answers one HTTP body.</summary>
    /// <param name="body">The request body (UTF-8 JSON).</param>
    /// <param name="cancellationToken">Cancels running methods (the client went away or the daemon stops).</param>
    /// <returns>The response body, or null when every request was a notification.</returns>
    public async Task<byte[]?> DispatchAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            return Write(w => WriteError(w, null, RpcErrorCodes.ParseError, $"the body is not JSON: {e.Message}", null));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                var single = await CallAsync(root, cancellationToken).ConfigureAwait(false);
                return single is null ? null : Write(single);
            }

            if (root.GetArrayLength() == 0)
            {
                return Write(w => WriteError(w, null, RpcErrorCodes.InvalidRequest, "an empty batch is not a request", null));
            }

            var answers = new List<Action<Utf8JsonWriter>>();
            foreach (var request in root.EnumerateArray())
            {
                if (await CallAsync(request, cancellationToken).ConfigureAwait(false) is { } answer)
                {
                    answers.Add(answer);
                }
            }

            return answers.Count == 0 ? null : Write(w =>
            {
                w.WriteStartArray();
                foreach (var answer in answers)
                {
                    answer(w);
                }

                w.WriteEndArray();
            });
        }
    }

    /// <summary>Runs one request; returns how to write its response, or null for a notification.</summary>
    private async Task<Action<Utf8JsonWriter>?> CallAsync(JsonElement request, CancellationToken cancellationToken)
    {
        if (request.ValueKind != JsonValueKind.Object
            || !request.TryGetProperty("jsonrpc", out var version) || version.ValueKind != JsonValueKind.String || version.GetString() != "2.0"
            || !request.TryGetProperty("method", out var methodElement) || methodElement.ValueKind != JsonValueKind.String)
        {
            var badId = request.ValueKind == JsonValueKind.Object && request.TryGetProperty("id", out var i) ? i.Clone() : (JsonElement?)null;
            return w => WriteError(w, badId, RpcErrorCodes.InvalidRequest, "a request is an object with \"jsonrpc\": \"2.0\" and a string \"method\"", null);
        }

        JsonElement? id = request.TryGetProperty("id", out var idElement) ? idElement.Clone() : null;
        if (id is { ValueKind: not (JsonValueKind.String or JsonValueKind.Number or JsonValueKind.Null) })
        {
            return w => WriteError(w, null, RpcErrorCodes.InvalidRequest, "\"id\" must be a string, a number or null", null);
        }

        var method = methodElement.GetString()!;
        JsonElement? parameters = request.TryGetProperty("params", out var p) ? p.Clone() : null;
        object? result;
        try
        {
            var handler = _methods.Find(method)
                ?? throw new RpcException(RpcErrorCodes.MethodNotFound, $"no method {method}; the methods are: {string.Join(", ", _methods.Names)}");
            result = await handler(parameters, cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException e)
        {
            if (_log.IsEnabled(LogLevel.Information))
            {
                _log.LogInformation("rpc {Method} failed: {Code} {Message}", method, e.Code, e.Message);
            }

            return id is null ? null : w => WriteError(w, id, e.Code, e.Message, e.ErrorData);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _log.LogError(e, "rpc {Method} failed unexpectedly", method);
            return id is null ? null : w => WriteError(w, id, RpcErrorCodes.InternalError, $"{method} failed: {e.GetType().Name}: {e.Message}", null);
        }

        return id is null ? null : w =>
        {
            w.WriteStartObject();
            w.WriteString("jsonrpc", "2.0");
            w.WritePropertyName("result");
            JsonSerializer.Serialize(w, result, result?.GetType() ?? typeof(object), Json);
            WriteId(w, id);
            w.WriteEndObject();
        };
    }

    private static void WriteError(Utf8JsonWriter w, JsonElement? id, int code, string message, object? data)
    {
        w.WriteStartObject();
        w.WriteString("jsonrpc", "2.0");
        w.WriteStartObject("error");
        w.WriteNumber("code", code);
        w.WriteString("message", message);
        if (data is not null)
        {
            w.WritePropertyName("data");
            JsonSerializer.Serialize(w, data, data.GetType(), Json);
        }

        w.WriteEndObject();
        WriteId(w, id);
        w.WriteEndObject();
    }

    private static void WriteId(Utf8JsonWriter w, JsonElement? id)
    {
        w.WritePropertyName("id");
        if (id is { } value)
        {
            value.WriteTo(w);
        }
        else
        {
            w.WriteNullValue();
        }
    }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.ToArray();
    }
}
