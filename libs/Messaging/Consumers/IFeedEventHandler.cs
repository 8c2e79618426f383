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

/// <summary>
/// A handler that gathers work over the events of one transaction (such as merged counter upserts)
/// and writes it once: <see cref="BeforeCommitAsync"/> runs after the transaction's last event, before
/// the inbox rows, checkpoint and commit. The handler is resolved once per transaction.
/// </summary>
public interface IFeedBatchHandler<in TContext> : IFeedEventHandler<TContext> where TContext : DbContext
{
    Task BeforeCommitAsync(TContext db, CancellationToken ct);
}

internal sealed class DelegateFeedEventHandler<TContext>(Func<TContext, FeedEvent, CancellationToken, Task> handle)
    : IFeedEventHandler<TContext>
    where TContext : DbContext
{
    public Task HandleAsync(TContext db, FeedEvent evt, CancellationToken ct) => handle(db, evt, ct);
}

/// <summary>
/// A batch handler that applies a whole batch in memory: <see cref="PrepareAsync"/> loads, in a few
/// queries, what the batch's events will look up; then every event is handled with no save in between
/// (an event sees the earlier ones through the change tracker: look entities up by key, and save
/// before a query that must see them); the applier saves once, calls
/// <see cref="IFeedBatchHandler{TContext}.BeforeCommitAsync"/>, writes the inbox rows in one statement
/// and commits with the checkpoint. A lone event is applied as by any other handler.
/// </summary>
public interface IFeedBulkHandler<in TContext> : IFeedBatchHandler<TContext> where TContext : DbContext
{
    Task PrepareAsync(TContext db, IReadOnlyList<FeedEvent> events, CancellationToken ct);
}
