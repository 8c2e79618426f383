namespace ComplaintsPlatform.Deploy;

/// <summary>Requests and limits of one container: CPU in millicores, memory in MiB.</summary>
internal sealed record Sizing(int CpuRequest, int CpuLimit, int MemoryRequest, int MemoryLimit);

/// <summary>
/// Each deployable's requests and limits, from figures measured on the whole platform (local mode,
/// Debug build, 2-core machine): the highest resident memory (VmRSS) of every service process
/// through start-up and a load driven through the gateway, and its CPU time (docs/decisions/0017-capacity.md).
/// Rule: memory request = the highest RSS seen, rounded up to 64 MiB; memory limit = twice that (the
/// GC's headroom, so a burst is not an OOM kill); CPU request = 100m, above a service's measured average
/// through start-up and light use (0.03–0.09 of a core); CPU limit = 1 core (a start-up's JIT burst is
/// not throttled to a crawl).
/// </summary>
internal static class Sizings
{
    public static readonly IReadOnlyDictionary<string, Sizing> Services = new Dictionary<string, Sizing>
    {
        ["intake"] = new(CpuRequest: 100, CpuLimit: 1000, MemoryRequest: 256, MemoryLimit: 512),
        ["case-workflow"] = new(CpuRequest: 100, CpuLimit: 1000, MemoryRequest: 256, MemoryLimit: 512),
        ["ombudsman-liaison"] = new(CpuRequest: 100, CpuLimit: 1000, MemoryRequest: 256, MemoryLimit: 512),
        ["compliments"] = new(CpuRequest: 100, CpuLimit: 1000, MemoryRequest: 256, MemoryLimit: 512),
        ["reporting"] = new(CpuRequest: 100, CpuLimit: 1000, MemoryRequest: 256, MemoryLimit: 512),
        ["identity"] = new(CpuRequest: 100, CpuLimit: 1000, MemoryRequest: 256, MemoryLimit: 512),
        ["gateway"] = new(CpuRequest: 100, CpuLimit: 1000, MemoryRequest: 192, MemoryLimit: 384),
        ["web"] = new(CpuRequest: 100, CpuLimit: 1000, MemoryRequest: 192, MemoryLimit: 384),
    };

    /// <summary>
    /// Reporting's printer (headless Chromium): 457 MiB proportional set size at most while printing the
    /// annual report (2-core machine, Debian's full Chromium, the larger build), rounded up; printing
    /// is queued one at a time (Reporting:Pdf:Concurrency).
    /// </summary>
    public static readonly Sizing Printer = new(CpuRequest: 100, CpuLimit: 1000, MemoryRequest: 512, MemoryLimit: 1024);

    /// <summary>The wait-for-login init container and the provisioning Job: a short-lived console program.</summary>
    public static readonly Sizing Provision = new(CpuRequest: 50, CpuLimit: 500, MemoryRequest: 64, MemoryLimit: 128);

    /// <summary>Each PostgreSQL instance (shared_buffers is a quarter of the memory request).</summary>
    public static readonly Sizing Postgres = new(CpuRequest: 1000, CpuLimit: 2000, MemoryRequest: 2048, MemoryLimit: 2048);

    /// <summary>Each Redis: a few MiB of rate-limit buckets, idempotency keys, web journeys and keys.</summary>
    public static readonly Sizing Redis = new(CpuRequest: 50, CpuLimit: 500, MemoryRequest: 64, MemoryLimit: 256);
}
