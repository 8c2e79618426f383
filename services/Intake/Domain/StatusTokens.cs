using System.Security.Cryptography;
using System.Text;

namespace ComplaintsPlatform.Intake.Domain;

/// <summary>
/// The secret a submitter uses to see progress. Derived from a server key and the contact id, so a
/// retried Submit can hand back the same token although only its SHA-256 is stored.
/// </summary>
public sealed class StatusTokens(byte[] key)
{
    public static StatusTokens FromConfiguration(string? statusTokenKey, string? signingKey)
    {
        if (!string.IsNullOrEmpty(statusTokenKey))
        {
            return new StatusTokens(Encoding.UTF8.GetBytes(statusTokenKey));
        }
        if (string.IsNullOrEmpty(signingKey))
        {
            throw new InvalidOperationException("Configure Intake:StatusTokenKey (or Identity:SigningKey).");
        }
        return new StatusTokens(HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(signingKey), 32,
            info: Encoding.UTF8.GetBytes("intake-status-token")));
    }

    public string For(Guid contactId) => Base64Url(HMACSHA256.HashData(key, contactId.ToByteArray()));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public static bool Matches(string presented, byte[] storedHash) =>
        CryptographicOperations.FixedTimeEquals(Hash(presented), storedHash);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
