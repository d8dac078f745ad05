using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Coxswain.Daemon.Hosting;

/// <summary>Lets unix-socket callers through (the socket's file mode is the check) and requires the bearer token on TCP.</summary>
internal sealed class BearerToken(string? token)
{
    private readonly byte[]? _expected = token is null ? null : Encoding.UTF8.GetBytes(token);

    /// <summary>True when the request may proceed.</summary>
    public bool Allows(HttpContext context)
    {
        if (context.Connection.LocalIpAddress is null)
        {
            return true; // the unix socket: only its owner can connect
        }

        if (_expected is null)
        {
            return false;
        }

        var header = context.Request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        if (!header.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return false;
        }

        var given = Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(given, _expected);
    }
}
