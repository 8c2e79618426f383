using System.Diagnostics;

namespace ComplaintsPlatform.LocalInfrastructure;

// Debian keeps the server binaries off PATH (/usr/lib/postgresql/<version>/bin), and PostgreSQL
// refuses to run as root, so as root every server command runs as the `postgres` OS user.
public static class PostgresBinaries
{
    public static string BinDir()
    {
        var configured = Environment.GetEnvironmentVariable("PG_BINDIR");
        if (!string.IsNullOrEmpty(configured) && File.Exists(Path.Combine(configured, "postgres")))
        {
            return configured;
        }
        var root = "/usr/lib/postgresql";
        var newest = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(d => File.Exists(Path.Combine(d.Dir, "bin", "postgres")))
                .OrderByDescending(d => d.Version)
                .Select(d => Path.Combine(d.Dir, "bin"))
                .FirstOrDefault()
            : null;
        return newest ?? throw new InvalidOperationException(
            "PostgreSQL server binaries not found: install the 'postgresql' package or set PG_BINDIR.");
    }

    public static bool RunningAsRoot => Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root";

    /// <summary>The command line that runs a server binary, as `postgres` when we are root.</summary>
    public static (string FileName, IReadOnlyList<string> Args) Command(string binary, params string[] args)
    {
        var path = Path.Combine(BinDir(), binary);
        return RunningAsRoot
            ? ("setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", path, .. args])
            : (path, args);
    }

    /// <summary>Creates a folder the server user owns (PostgreSQL wants 0700 on its data folder).</summary>
    public static void PrepareOwnedDirectory(string path)
    {
        Directory.CreateDirectory(path);
        if (RunningAsRoot)
        {
            Run("chown", ["-R", "postgres:postgres", path]);
        }
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        // The parent chain must be traversable by the server user.
        for (var dir = Path.GetDirectoryName(path); !string.IsNullOrEmpty(dir) && dir != "/"; dir = Path.GetDirectoryName(dir))
        {
            var mode = File.GetUnixFileMode(dir);
            if (!mode.HasFlag(UnixFileMode.OtherExecute))
            {
                throw new InvalidOperationException(
                    $"The PostgreSQL data folder must sit where the 'postgres' user can reach it; '{dir}' is closed to other users.");
            }
        }
    }

    /// <summary>Runs initdb once: an existing cluster (PG_VERSION present) is kept as it is.</summary>
    public static void InitIfMissing(string dataDir, string adminPassword)
    {
        if (File.Exists(Path.Combine(dataDir, "PG_VERSION")))
        {
            return;
        }
        PrepareOwnedDirectory(dataDir);
        var pwFile = Path.Combine(Path.GetTempPath(), $"pgpw-{Guid.NewGuid():N}");
        File.WriteAllText(pwFile, adminPassword + "\n");
        try
        {
            if (RunningAsRoot)
            {
                Run("chown", ["postgres:postgres", pwFile]);
            }
            var (file, args) = Command("initdb", "-D", dataDir, "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8",
                "--auth-local=scram-sha-256", "--auth-host=scram-sha-256", $"--pwfile={pwFile}");
            Run(file, args);
        }
        finally
        {
            File.Delete(pwFile);
        }
    }

    /// <summary>Arguments for the postmaster; durable=false is for throw-away test clusters only.</summary>
    public static string[] ServerArgs(string dataDir, int port, bool durable) =>
    [
        "-D", dataDir, "-p", port.ToString(), "-k", dataDir,
        "-c", "listen_addresses=127.0.0.1",
        "-c", "max_connections=200",
        "-c", $"fsync={(durable ? "on" : "off")}",
        "-c", $"synchronous_commit={(durable ? "on" : "off")}",
        "-c", $"full_page_writes={(durable ? "on" : "off")}",
        // Every test database is a CREATE DATABASE, which writes its template to the WAL; a throw-away
        // cluster checkpoints often so that WAL is recycled instead of growing towards 1 GB. A durable
        // one keeps PostgreSQL's defaults.
        .. (durable ? (string[])[] : ["-c", "max_wal_size=64MB", "-c", "min_wal_size=32MB"]),
    ];

    internal static void Run(string file, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({p.ExitCode}): {stderr.Result}");
        }
    }
}
