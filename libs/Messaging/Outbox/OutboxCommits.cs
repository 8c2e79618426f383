using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Messaging.Outbox;

/// <summary>
/// "Outbox rows of <typeparamref name="TContext"/> were committed": wakes this process's sequencer.
/// Announced in-process after each commit that wrote outbox rows (<see cref="OutboxCommitInterceptor{TContext}"/>)
/// and on the outbox's commit notification where a schema still has that trigger (<see cref="OutboxNotify"/>).
/// </summary>
public sealed class OutboxCommits<TContext>
    where TContext : DbContext
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next announcement.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Announce() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
