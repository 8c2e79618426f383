using System.Diagnostics;

namespace ComplaintsPlatform.Intake.Bench;

/// <summary>
/// Processor time used so far by the bench itself, by Intake's process and by PostgreSQL (the
/// postmaster, its live backends, and the backends it has already reaped), read from /proc, so a run
/// can say where each Submit's processor time went.
/// </summary>
internal readonly record struct ProcessorTime(TimeSpan Client, TimeSpan Service, TimeSpan Postgres)
{
    // Linux reports process times in clock ticks of 1/100 s.
    private const double TicksPerSecond = 100;

    public static ProcessorTime Now(int servicePid, int postmasterPid) =>
        new(Process.GetCurrentProcess().TotalProcessorTime, Of(servicePid).Own, PostgresTotal(postmasterPid));

    public static ProcessorTime operator -(ProcessorTime a, ProcessorTime b) =>
        new(a.Client - b.Client, a.Service - b.Service, a.Postgres - b.Postgres);

    public static ProcessorTime operator +(ProcessorTime a, ProcessorTime b) =>
        new(a.Client + b.Client, a.Service + b.Service, a.Postgres + b.Postgres);

    /// <summary>The postmaster's own and reaped children's time, plus each live backend's.</summary>
    private static TimeSpan PostgresTotal(int postmasterPid)
    {
        var (own, reaped, _) = Of(postmasterPid);
        var total = own + reaped;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && pid != postmasterPid)
            {
                var child = Of(pid);
                if (child.Parent == postmasterPid)
                {
                    total += child.Own;
                }
            }
        }
        return total;
    }

    // /proc/<pid>/stat: the fields after the command's closing parenthesis start at field 3 (state);
    // ppid is field 4, utime 14, stime 15, cutime 16, cstime 17.
    private static (TimeSpan Own, TimeSpan Reaped, int Parent) Of(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return (TimeSpan.Zero, TimeSpan.Zero, 0);
        }
        catch (UnauthorizedAccessException)
        {
            return (TimeSpan.Zero, TimeSpan.Zero, 0);
        }
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        long Field(int n) => long.Parse(fields[n - 3]);
        static TimeSpan Ticks(long t) => TimeSpan.FromSeconds(t / TicksPerSecond);
        return (Ticks(Field(14) + Field(15)), Ticks(Field(16) + Field(17)), (int)Field(4));
    }
}
