namespace ComplaintsPlatform.Bench.Platform;

/// <summary>Resident memory of the platform's own processes, read from /proc, and Aspire's processes apart.</summary>
internal static class Footprint
{
    /// <summary>
    /// Resident set (every page mapped in, shared ones counted again in each process), proportional set
    /// (each shared page divided among the processes sharing it: the sum is what the group really holds)
    /// and anonymous memory (heaps, JIT code, stacks: the process's own).
    /// </summary>
    public sealed record Process(int Pid, string Name, long RssBytes, long PssBytes, long AnonymousBytes, bool Platform);

    public static List<Process> Read(string repositoryRoot)
    {
        var found = new List<Process>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            try
            {
                var command = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0', StringSplitOptions.RemoveEmptyEntries);
                if (command.Length == 0)
                {
                    continue;
                }
                var rss = File.ReadLines(Path.Combine(dir, "status")).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
                if (rss is null)
                {
                    continue;
                }
                var bytes = Kilobytes(rss) * 1024;
                var rollup = File.ReadLines(Path.Combine(dir, "smaps_rollup")).ToList();
                var pss = Kilobytes(rollup.FirstOrDefault(l => l.StartsWith("Pss:", StringComparison.Ordinal))) * 1024;
                var anonymous = Kilobytes(rollup.FirstOrDefault(l => l.StartsWith("Anonymous:", StringComparison.Ordinal))) * 1024;
                var exe = command[0];
                // The AppHost runs each project's built assembly: `dotnet exec <repository>/…/ComplaintsPlatform.X.dll`.
                var assembly = Path.GetFileName(exe) == "dotnet" && command.Length > 2 && command[1] == "exec" ? command[2] : exe;
                if (assembly.StartsWith(repositoryRoot, StringComparison.Ordinal) && Path.GetFileName(assembly).StartsWith("ComplaintsPlatform.", StringComparison.Ordinal))
                {
                    var name = Path.GetFileName(assembly)["ComplaintsPlatform.".Length..];
                    found.Add(new Process(pid, name.EndsWith(".dll", StringComparison.Ordinal) ? name[..^4] : name, bytes, pss, anonymous, Platform: true));
                }
                else if (Path.GetFileName(exe) is "dcp" or "dcpctrl" || command.Any(a => a.Contains("/dcp", StringComparison.Ordinal) && a.EndsWith("dcp", StringComparison.Ordinal)))
                {
                    found.Add(new Process(pid, "aspire: " + Path.GetFileName(exe), bytes, pss, anonymous, Platform: false));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
            {
                // The process ended while being read.
            }
        }
        return found;
    }

    private static long Kilobytes(string? line) =>
        line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
}
