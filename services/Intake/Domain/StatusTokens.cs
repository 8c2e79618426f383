using System.Security.Cryptography;
using System.Text;

namespace ComplaintsPlatform.Intake.Domain;

/// <summary>
/// The secret a submitter uses to see progress. Derived from a server key and the contact id, so a
/// retried Submit can hand back the same token although only its SHA-256 is stored.
/// </summary>
public sealed class StatusTokens(byte[] key)
{
    /// <summary>
    /// Intake's own key (<c>Intake:StatusTokenKey</c>): text, or <c>base64:</c> and the key's bytes.
    /// An upgraded installation is seeded with the key earlier versions derived from the platform's
    /// former signing key, so status links already emailed keep working.
    /// </summary>
    public static StatusTokens FromConfiguration(string? statusTokenKey)
    {
        if (string.IsNullOrEmpty(statusTokenKey))
        {
            throw new InvalidOperationException("Configure Intake:StatusTokenKey.");
        }
        return new StatusTokens(statusTokenKey.StartsWith(Base64Prefix, StringComparison.Ordinal)
            ? Convert.FromBase64String(statusTokenKey[Base64Prefix.Length..])
            : Encoding.UTF8.GetBytes(statusTokenKey));
    }

    public const string Base64Prefix = "base64:";

    public string For(Guid contactId) => Base64Url(HMACSHA256.HashData(key, contactId.ToByteArray()));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public static bool Matches(string presented, byte[] storedHash) =>
        CryptographicOperations.FixedTimeEquals(Hash(presented), storedHash);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
