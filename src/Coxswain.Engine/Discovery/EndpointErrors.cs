using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Coxswain.Engine;

/// <summary>Turns why an endpoint did not answer into one short phrase for a person ("connection refused", "timed out after 500 ms").</summary>
internal static class EndpointErrors
{
    public static string SocketMissing(string path) => $"socket {path} does not exist";

    public static string TimedOut(TimeSpan timeout) => "timed out after " + FormatDuration(timeout);

    public static string FormatDuration(TimeSpan duration) =>
        duration < TimeSpan.FromSeconds(1)
            ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0} ms")
            : string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.#} s");

    public static string Malformed(string source, string text)
    {
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        var why = schemeEnd > 0
            ? $"the scheme '{text[..schemeEnd]}' is not supported"
            : "it has no scheme";
        return $"{source}=\"{text}\" is not an engine address ({why}): use unix:///path/to.sock or tcp://host:port";
    }

    public static string Describe(Exception exception, EngineEndpoint endpoint, TimeSpan timeout)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case SocketException socket:
                    return DescribeSocket(socket, endpoint);
                case TimeoutException or OperationCanceledException:
                    return TimedOut(timeout);
                case EngineApiException api when api.StatusCode == HttpStatusCode.NotFound:
                    return $"answered but is not a container engine (HTTP 404 for /_ping: {FirstLine(api.EngineMessage)})";
                case EngineApiException api:
                    return $"answered the ping with HTTP {(int)api.StatusCode} {api.StatusCode}: {FirstLine(api.EngineMessage)}";
                case HttpRequestException { HttpRequestError: HttpRequestError.InvalidResponse or HttpRequestError.ResponseEnded }:
                    return "answered but is not a container engine (not a valid HTTP response)";
                case EngineUnavailableException { InnerException: null, Attempts.Count: > 0 } unavailable:
                    // A client's own verdict ("ping: GET /_ping answered 'x', not OK: not a container engine"), without the operation.
                    var error = unavailable.Attempts[0].Error;
                    var colon = error.IndexOf(": ", StringComparison.Ordinal);
                    return FirstLine(colon > 0 && !error[..colon].Contains(' ', StringComparison.Ordinal) ? error[(colon + 2)..] : error);
                case System.Text.Json.JsonException:
                    return "answered but is not a container engine (its answer is not Engine API JSON)";
                default:
                    break;
            }
        }

        // Nothing more specific in the chain: the innermost message, first line only (outer messages may carry long hints).
        var innermost = exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return FirstLine(innermost.Message);
    }

    private static string DescribeSocket(SocketException socket, EngineEndpoint endpoint)
    {
        var unixPath = endpoint.IsUnixSocket ? endpoint.SocketPath : null;
        return socket.SocketErrorCode switch
        {
            SocketError.ConnectionRefused when unixPath is not null => $"connection refused: nothing listens on {unixPath}",
            SocketError.ConnectionRefused => "connection refused",
            SocketError.AccessDenied when unixPath is not null =>
                $"permission denied on {unixPath}: run cox as a user allowed to use it (root, or a member of the socket's group)",
            SocketError.AccessDenied => "permission denied",
            SocketError.AddressNotAvailable when unixPath is not null => SocketMissing(unixPath),
            SocketError.TimedOut => "connection timed out",
            SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => $"host {endpoint.Uri.Host} not found",
            SocketError.HostUnreachable or SocketError.NetworkUnreachable => $"host {endpoint.Uri.Host} unreachable",
            _ => FirstLine(socket.Message),
        };
    }

    private static string FirstLine(string text)
    {
        var trimmed = text.Trim();
        var newline = trimmed.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? trimmed : trimmed[..newline].TrimEnd();
    }
}
