using System.Security.Cryptography;
using System.Text;

namespace Coxswain.Engine.Testing;

/// <summary>SHA-256 as lowercase hex.</summary>
internal static class Hashing
{
    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
