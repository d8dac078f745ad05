using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Coxswain.Engine.Docker;

/// <summary>Turns what went wrong on the wire into the engine layer's exceptions, with messages written for a person.</summary>
internal static partial class EngineErrors
{
    /// <summary>The exception for an error status: 404 → not found (with the kind of object the engine says is missing),
    /// 409 → conflict, anything else → <see cref="EngineApiException"/>; the engine's own message is kept.</summary>
    public static EngineApiException FromStatus(HttpStatusCode status, string body, EngineOperation operation)
    {
        var message = ExtractMessage(body, status);
        if (status == HttpStatusCode.InternalServerError)
        {
            // Podman's compat API answers 500 for many conflicts and missing objects; its messages end with a fixed cause.
            status = ClassifyServerError(message) ?? status;
        }

        return status switch
        {
            HttpStatusCode.NotFound => NotFound(operation, message),
            HttpStatusCode.Conflict => new EngineConflictException(operation.Description, message),
            _ => new EngineApiException(operation.Description, status, message),
        };
    }

    /// <summary>What a 500 really means when its message carries one of Podman's error causes: 409 for "container state improper",
    /// "name is already in use", "network is being used", "network already exists"; 404 for "network not found", "no such ...".</summary>
    internal static HttpStatusCode? ClassifyServerError(string message)
    {
        var lower = message.ToLowerInvariant();
        if (lower.Contains("container state improper", StringComparison.Ordinal)
            || lower.Contains("already in use", StringComparison.Ordinal)
            || lower.Contains("is being used", StringComparison.Ordinal)
            || lower.Contains("is in use", StringComparison.Ordinal)
            || lower.Contains("already exists", StringComparison.Ordinal))
        {
            return HttpStatusCode.Conflict;
        }

        if (lower.Contains("no such ", StringComparison.Ordinal)
            || lower.Contains("network not found", StringComparison.Ordinal)
            || lower.Contains("image not known", StringComparison.Ordinal))
        {
            return HttpStatusCode.NotFound;
        }

        return null;
    }

    /// <summary>The engine's message from an error body: the <c>message</c> field of its JSON (Docker and Podman both send one),
    /// else the body text, else the status name.</summary>
    public static string ExtractMessage(string body, HttpStatusCode status)
    {
        var text = body.Trim();
        if (text.StartsWith('{'))
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                if (document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty("message", out var message)
                    && message.ValueKind == JsonValueKind.String
                    && message.GetString() is { Length: > 0 } value)
                {
                    return value;
                }
            }
            catch (JsonException)
            {
                // Not JSON after all: fall through to the raw text.
            }
        }

        return text.Length > 0 ? text : $"{(int)status} {status}";
    }

    /// <summary>A not-found error naming the missing object. The operation says what was expected ("container web-1");
    /// the engine's message may name another kind (creating a container whose image or network is missing).</summary>
    public static EngineNotFoundException NotFound(EngineOperation operation, string message)
    {
        var (kind, resource) = Classify(message);
        if (kind is null || kind == operation.ResourceKind)
        {
            return new EngineNotFoundException(operation.Description, operation.ResourceKind is { Length: > 0 } k ? k : kind ?? "object", operation.Resource, message);
        }

        return new EngineNotFoundException(operation.Description, kind, resource ?? operation.Resource, message);
    }

    /// <summary>An unavailable error for one endpoint: "<c>start container web-1: connection refused</c>" plus the hint.</summary>
    public static EngineUnavailableException Unavailable(EngineEndpoint endpoint, EngineOperation operation, string reason, string hint, Exception? innerException = null) =>
        new([new EndpointAttempt(endpoint, $"{operation.Description}: {reason}")], hint, innerException);

    /// <summary>Why a request never got an answer, in a few words.</summary>
    public static string DescribeTransportFailure(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is EngineConnectException connect)
            {
                return connect.Reason;
            }
        }

        if (exception is HttpRequestException http)
        {
            return http.HttpRequestError switch
            {
                HttpRequestError.ResponseEnded => ClosedWithoutAnswer,
                HttpRequestError.InvalidResponse => "the answer was not HTTP (is this a container engine's socket?)",
                HttpRequestError.ConnectionError => "cannot connect: " + Innermost(http).Message,
                _ when IsReset(http) => ClosedWithoutAnswer,
                _ => $"{http.Message} ({Innermost(http).Message})",
            };
        }

        return exception is IOException ? "the connection dropped: " + Innermost(exception).Message : exception.Message;
    }

    private const string ClosedWithoutAnswer = "the connection closed without an answer (is this a container engine's socket?)";

    private static bool IsReset(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionReset or System.Net.Sockets.SocketError.ConnectionAborted or System.Net.Sockets.SocketError.Shutdown })
            {
                return true;
            }
        }

        return false;
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }

    /// <summary>Which kind of object the engine's 404 message says is missing, and its name when the message carries it.
    /// Covers Docker's and Podman's wordings.</summary>
    internal static (string? Kind, string? Resource) Classify(string message)
    {
        var lower = message.ToLowerInvariant();
        string? kind =
            lower.Contains("no such container", StringComparison.Ordinal) || lower.Contains("no container with", StringComparison.Ordinal) ? "container"
            : lower.Contains("no such image", StringComparison.Ordinal) || lower.Contains("image not known", StringComparison.Ordinal) ? "image"
            : lower.Contains("no such volume", StringComparison.Ordinal) || lower.Contains("no volume with", StringComparison.Ordinal) ? "volume"
            : lower.Contains("exec", StringComparison.Ordinal) ? "exec"
            : lower.Contains("network", StringComparison.Ordinal) && lower.Contains("not found", StringComparison.Ordinal) ? "network"
            : null;
        var match = ResourceName().Match(message);
        var resource = match.Success ? match.Groups["name"].Value.Trim('"', '\'', ':') : null;
        return (kind, resource);
    }

    [GeneratedRegex(@"(?:No such (?:container|image|volume|exec instance): (?<name>\S+))|(?:network (?<name>\S+) not found)|(?:name or ID (?<name>\S+)(?: found)?)|(?:^(?<name>\S+): image not known)|(?:^get (?<name>\S+): no such volume)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ResourceName();
}
