using System.Security.Cryptography;
using System.Text;

namespace ComplaintsPlatform.Messaging;

/// <summary>PostgreSQL advisory locks take a bigint; a stable hash of a readable name keeps keys the same across processes.</summary>
public static class AdvisoryLockKey
{
    public static long For(string name) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("complaints-platform:" + name)), 0);
}
