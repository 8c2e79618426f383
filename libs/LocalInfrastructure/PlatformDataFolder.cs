using System.Security.Cryptography;

namespace ComplaintsPlatform.LocalInfrastructure;

/// <summary>
/// Where local mode keeps what must survive restarts: the PostgreSQL cluster, Redis's append-only
/// file, and the secrets generated on first run (the cluster's admin password, the platform's token
/// signing key, which the dev-token command reads too).
/// </summary>
public sealed class PlatformDataFolder(string root)
{
    /// <summary>Outside any home folder: the `postgres` user must be able to reach the cluster.</summary>
    public const string DefaultRoot = "/var/tmp/complaints-platform";

    /// <summary>Configuration key (or environment variable <c>ComplaintsPlatform__DataDir</c>).</summary>
    public const string SettingKey = "ComplaintsPlatform:DataDir";

    public string Root { get; } = Path.GetFullPath(root);

    public string PostgresData => Path.Combine(Root, "postgres");

    public string RedisData => Path.Combine(Root, "redis");

    public string SigningKeyFile => Path.Combine(Root, "identity-signing-key");

    public string AdminPasswordFile => Path.Combine(Root, "postgres-admin-password");

    public static PlatformDataFolder FromSetting(string? configured) =>
        new(string.IsNullOrWhiteSpace(configured) ? DefaultRoot : configured);

    public void CreateIfMissing()
    {
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(RedisData);
    }

    public string SigningKey() => ReadOrCreateSecret(SigningKeyFile);

    public string AdminPassword() => ReadOrCreateSecret(AdminPasswordFile);

    public string? ReadSigningKey() =>
        File.Exists(SigningKeyFile) ? File.ReadAllText(SigningKeyFile).Trim() : null;

    /// <summary>A random secret written once, readable by its owner only.</summary>
    public static string ReadOrCreateSecret(string path)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();
        using (var file = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        }))
        using (var writer = new StreamWriter(file))
        {
            writer.Write(secret);
        }
        return secret;
    }
}
