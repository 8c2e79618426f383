using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Hosting;

/// <summary>
/// Start-up work that replicas starting together must not do at the same moment (applying migrations,
/// registering clients, creating the first administrator): a session-level PostgreSQL advisory lock
/// named for the work, taken on the context's own connection and held while the work runs. The next
/// replica waits, then finds the work done. A replica that dies holding it releases it with its
/// connection.
/// </summary>
public static class StartupLock
{
    public static async Task RunAsync(DbContext db, string name, Func<Task> work, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock(hashtext({name}))", ct);
            try
            {
                await work();
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock(hashtext({name}))", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
