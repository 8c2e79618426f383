namespace ComplaintsPlatform.Bench.Platform;

/// <summary>Resident memory of the platform's own processes, read from /proc, and Aspire's processes apart.</summary>
internal static class Footprint
{
    public sealed record Process(int Pid, string Name, long RssBytes, bool Platform);

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
                var bytes = long.Parse(rss.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
                var exe = command[0];
                if (exe.StartsWith(repositoryRoot, StringComparison.Ordinal) && Path.GetFileName(exe).StartsWith("ComplaintsPlatform.", StringComparison.Ordinal))
                {
                    found.Add(new Process(pid, Path.GetFileName(exe)["ComplaintsPlatform.".Length..], bytes, Platform: true));
                }
                else if (Path.GetFileName(exe) is "dcp" or "dcpctrl" || command.Any(a => a.Contains("/dcp", StringComparison.Ordinal) && a.EndsWith("dcp", StringComparison.Ordinal)))
                {
                    found.Add(new Process(pid, "aspire: " + Path.GetFileName(exe), bytes, Platform: false));
                }
                else if (Path.GetFileName(exe) == "dotnet" && command.Length > 2 && command[1] == "run" && command.Any(a => a.StartsWith(repositoryRoot, StringComparison.Ordinal)))
                {
                    var project = command.SkipWhile(a => a != "--project").Skip(1).FirstOrDefault() ?? "";
                    found.Add(new Process(pid, "aspire launcher: dotnet run " + Path.GetFileNameWithoutExtension(project), bytes, Platform: false));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
            {
                // The process ended while being read.
            }
        }
        return found;
    }
}
