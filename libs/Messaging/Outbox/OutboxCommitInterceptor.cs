using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ComplaintsPlatform.Messaging.Outbox;

/// <summary>
/// Announces a commit that wrote outbox rows to this process's sequencer once it has committed, from
/// outside the transaction. A NOTIFY inside the writing transaction would hold PostgreSQL's
/// notification lock through the commit's WAL flush, so concurrent writers would commit one at a
/// time (ADR 0022). A rolled-back save announces nothing; an announcement with nothing new costs the
/// sequencer one look.
/// </summary>
internal sealed class OutboxCommitInterceptor<TContext>(OutboxCommits<TContext> commits) : SaveChangesInterceptor, IDbTransactionInterceptor
    where TContext : DbContext
{
    // Contexts whose saved outbox rows await their transaction's commit (pooled contexts are reused, so the mark is removed).
    private readonly ConditionalWeakTable<DbContext, object> _awaitingCommit = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        MarkIfStaging(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        MarkIfStaging(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        AnnounceIfCommitted(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        AnnounceIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => ForgetIfNoTransaction(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ForgetIfNoTransaction(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Announce(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Announce(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void MarkIfStaging(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        // Added entries are known without a scan for changes; SaveChanges runs its own.
        var tracker = context.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            if (tracker.Entries<OutboxEvent>().Any(e => e.State == EntityState.Added))
            {
                _awaitingCommit.AddOrUpdate(context, this);
            }
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

    // A save outside any transaction of the caller's has committed by the time it returns.
    private void AnnounceIfCommitted(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            Announce(context);
        }
    }

    private void ForgetIfNoTransaction(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            Forget(context);
        }
    }

    private void Announce(DbContext? context)
    {
        if (context is not null && _awaitingCommit.Remove(context))
        {
            commits.Announce();
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _awaitingCommit.Remove(context);
        }
    }
}
