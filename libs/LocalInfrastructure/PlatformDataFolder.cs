using System.Security.Cryptography;

namespace ComplaintsPlatform.LocalInfrastructure;

/// <summary>
/// Where local mode keeps what must survive restarts: the PostgreSQL cluster, Redis's append-only
/// file, and the secrets generated on first run (the cluster's admin password, Intake's status-token
/// key, each service's client secret at the identity provider, the first administrator's password).
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

    /// <summary>The platform-wide HS256 key of earlier versions; read once on upgrade, then removed.</summary>
    public string LegacySigningKeyFile => Path.Combine(Root, "identity-signing-key");

    public string StatusTokenKeyFile => Path.Combine(Root, "intake-status-token-key");

    public string SecretsFolder => Path.Combine(Root, "secrets");

    public string AdminPasswordFile => Path.Combine(Root, "postgres-admin-password");

    public static PlatformDataFolder FromSetting(string? configured) =>
        new(string.IsNullOrWhiteSpace(configured) ? DefaultRoot : configured);

    /// <summary>
    /// Removes a folder the local servers used, trying again for a few seconds while a server that
    /// was just told to stop still writes into it (PostgreSQL's last checkpoint, say). A folder that
    /// cannot be removed by then is left: a temporary folder is harmless.
    /// </summary>
    public static async Task<bool> DeleteAsync(string folder)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
                return true;
            }
            catch (IOException) when (attempt < 20)
            {
                await Task.Delay(250);
            }
            catch (IOException)
            {
                return false;
            }
        }
    }

    public void CreateIfMissing()
    {
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(RedisData);
    }

    /// <summary>
    /// Intake's status-token key. On upgrade it is seeded with the key earlier versions derived from
    /// the shared signing key, so status links already emailed still open, and that key is removed.
    /// </summary>
    public string StatusTokenKey()
    {
        if (!File.Exists(StatusTokenKeyFile) && File.Exists(LegacySigningKeyFile))
        {
            WriteSecret(StatusTokenKeyFile, LegacyStatusTokenKey(File.ReadAllText(LegacySigningKeyFile).Trim()));
        }
        var key = ReadOrCreateSecret(StatusTokenKeyFile);
        File.Delete(LegacySigningKeyFile);
        return key;
    }

    /// <summary>The status-token key earlier versions derived from the shared signing key, in Intake's <c>base64:</c> form.</summary>
    public static string LegacyStatusTokenKey(string legacySigningKey) =>
        "base64:" + Convert.ToBase64String(HKDF.DeriveKey(HashAlgorithmName.SHA256,
            System.Text.Encoding.UTF8.GetBytes(legacySigningKey), 32, info: System.Text.Encoding.UTF8.GetBytes("intake-status-token")));

    /// <summary>A named secret of the platform (a client secret, the first administrator's password), made once.</summary>
    public string Secret(string name) => ReadOrCreateSecret(Path.Combine(SecretsFolder, name));

    /// <summary>Whether the named secret exists yet (so a first run can print what it made).</summary>
    public bool HasSecret(string name) => File.Exists(Path.Combine(SecretsFolder, name));

    public string AdminPassword() => ReadOrCreateSecret(AdminPasswordFile);

    /// <summary>A random secret written once, readable by its owner only.</summary>
    public static string ReadOrCreateSecret(string path)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();
        WriteSecret(path, secret);
        return secret;
    }

    private static void WriteSecret(string path, string secret)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
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
    }
}
