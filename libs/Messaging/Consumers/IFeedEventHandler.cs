using ComplaintsPlatform.Common.V1;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Messaging.Consumers;

/// <summary>
/// Applies one event to the consumer's own data through <paramref name="db"/>. Runs inside the
/// consumer's transaction, which also records the event as processed and moves the checkpoint:
/// make changes through <paramref name="db"/> only, and do not commit.
/// </summary>
public interface IFeedEventHandler<in TContext> where TContext : DbContext
{
    Task HandleAsync(TContext db, FeedEvent evt, CancellationToken ct);
}

internal sealed class DelegateFeedEventHandler<TContext>(Func<TContext, FeedEvent, CancellationToken, Task> handle)
    : IFeedEventHandler<TContext>
    where TContext : DbContext
{
    public Task HandleAsync(TContext db, FeedEvent evt, CancellationToken ct) => handle(db, evt, ct);
}
