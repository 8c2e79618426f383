using System.Security.Cryptography;
using System.Text;

namespace ComplaintsPlatform.Hosting.Identity;

/// <summary>
/// Reporting's API keys as others may check them: only a key's SHA-256 is ever stored. Reporting
/// lists each live key's hash in Redis (expiring with the key), so the gateway can tell a real key
/// from an invented one without a call to Reporting.
/// </summary>
public static class ApiKeys
{
    public const string Header = "x-api-key";

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>The Redis key under which a live key's hash is listed.</summary>
    public static string RedisKey(string hash) => "complaints:api-keys:" + hash;
}
