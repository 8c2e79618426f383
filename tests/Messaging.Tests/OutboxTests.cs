using ComplaintsPlatform.Messaging.Outbox;
using ComplaintsPlatform.Messaging.Tests.Synthetic;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Messaging.Tests;

public sealed class OutboxTests
{
    [Fact]
    public async Task Outbox_row_commits_with_the_change_and_a_rolled_back_change_leaves_no_event()
    {
        await using var harness = await Harness.CreateAsync();
        await using var db = ProducerDb.Open(harness.ProducerConnection);
        await db.Database.MigrateAsync();

        await using (var committed = await db.Database.BeginTransactionAsync())
        {
            harness.Stage(db, "KEPT-1");
            await db.SaveChangesAsync();
            await committed.CommitAsync();
        }
        db.ChangeTracker.Clear();
        await using (var rolledBack = await db.Database.BeginTransactionAsync())
        {
            harness.Stage(db, "LOST-1");
            await db.SaveChangesAsync();
            await rolledBack.RollbackAsync();
        }
        db.ChangeTracker.Clear();

        await using var check = ProducerDb.Open(harness.ProducerConnection);
        Assert.Equal(["KEPT-1"], await check.Contacts.Select(c => c.Reference).ToListAsync());
        var evt = Assert.Single(await check.Set<OutboxEvent>().ToListAsync());
        Assert.Equal("google.protobuf.StringValue", evt.EventType);
        Assert.Equal("KEPT-1", Any.Parser.ParseFrom(evt.Payload).Unpack<StringValue>().Value);
        Assert.NotEqual(Guid.Empty, evt.EventId);
        Assert.True(evt.TransactionId > 0, "PostgreSQL fills in the writing transaction's id.");
        Assert.InRange(evt.RecordedAt, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(1));
        Assert.Null(evt.Position);
    }

    [Fact]
    public async Task Sequencer_holds_back_a_later_commit_until_an_earlier_open_transaction_finishes()
    {
        await using var harness = await Harness.CreateAsync();
        await using var sequencerDb = ProducerDb.Open(harness.ProducerConnection);
        await sequencerDb.Database.MigrateAsync();

        // A takes the earlier transaction id and outbox id, then stays open.
        await using var a = ProducerDb.Open(harness.ProducerConnection);
        await using var txA = await a.Database.BeginTransactionAsync();
        var eventA = harness.Stage(a, "A");
        await a.SaveChangesAsync();

        // B and C start later and commit first.
        await using (var b = ProducerDb.Open(harness.ProducerConnection))
        {
            harness.Stage(b, "B");
            harness.Stage(b, "C");
            await b.SaveChangesAsync();
        }
        Assert.True(eventA.Id < (await sequencerDb.Set<OutboxEvent>().MaxAsync(e => e.Id)));

        Assert.Equal(0, await OutboxSequencer.SequenceAsync(sequencerDb, 100, CancellationToken.None));

        await txA.CommitAsync();
        var sequenced = 0;
        await Eventually.TrueAsync(async () =>
        {
            sequenced += await OutboxSequencer.SequenceAsync(sequencerDb, 100, CancellationToken.None);
            return sequenced == 3;
        }, "all three events have positions");

        var order = await sequencerDb.Set<OutboxEvent>().AsNoTracking().OrderBy(e => e.Position)
            .Select(e => new { e.Position, e.EventId }).ToListAsync();
        Assert.Equal([1L, 2L, 3L], order.Select(o => o.Position!.Value));
        Assert.Equal(eventA.EventId, order[0].EventId);
    }

    [Fact]
    public async Task A_pass_gives_no_position_while_another_sequencer_holds_the_lock_and_says_rows_still_wait()
    {
        await using var harness = await Harness.CreateAsync();
        await using var sequencerDb = ProducerDb.Open(harness.ProducerConnection);
        await sequencerDb.Database.MigrateAsync();
        await using (var writer = ProducerDb.Open(harness.ProducerConnection))
        {
            harness.Stage(writer, "A");
            harness.Stage(writer, "B");
            await writer.SaveChangesAsync();
        }

        // Another replica's sequencer, mid-pass: it holds the lock until its transaction ends.
        await using var other = ProducerDb.Open(harness.ProducerConnection);
        await using var otherPass = await other.Database.BeginTransactionAsync();
        var key = AdvisoryLockKey.For("outbox-sequencer:" + MessagingModel.TableOf<OutboxEvent>(other));
        await other.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})");

        Assert.Equal(new OutboxSequencer.Pass(0, Pending: true), await OutboxSequencer.PassAsync(sequencerDb, 100, CancellationToken.None));
        Assert.Equal(0, await sequencerDb.Set<OutboxEvent>().CountAsync(e => e.Position != null));

        await otherPass.RollbackAsync();
        // Other tests' open transactions on the same server can hold the horizon back for a moment.
        var passes = new List<OutboxSequencer.Pass>();
        await Eventually.TrueAsync(async () =>
        {
            passes.Add(await OutboxSequencer.PassAsync(sequencerDb, 100, CancellationToken.None));
            return passes.Sum(p => p.Assigned) == 2;
        }, "both events have positions");
        Assert.False(passes[^1].Pending);
        Assert.Equal([1L, 2L], await sequencerDb.Set<OutboxEvent>().OrderBy(e => e.Position).Select(e => e.Position!.Value).ToListAsync());

        // A batch smaller than what waits: positions go on from the last, and the pass says the rest still waits.
        await using (var writer = ProducerDb.Open(harness.ProducerConnection))
        {
            harness.Stage(writer, "C");
            harness.Stage(writer, "D");
            await writer.SaveChangesAsync();
        }
        passes.Clear();
        await Eventually.TrueAsync(async () =>
        {
            passes.Add(await OutboxSequencer.PassAsync(sequencerDb, 1, CancellationToken.None));
            return passes.Sum(p => p.Assigned) == 2;
        }, "both later events have positions");
        Assert.All(passes, p => Assert.InRange(p.Assigned, 0, 1));
        Assert.True(passes.First(p => p.Assigned == 1).Pending);
        Assert.False(passes[^1].Pending);
        Assert.Equal([1L, 2L, 3L, 4L], await sequencerDb.Set<OutboxEvent>().OrderBy(e => e.Position).Select(e => e.Position!.Value).ToListAsync());
    }
}
