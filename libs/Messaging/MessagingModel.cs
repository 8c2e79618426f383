using ComplaintsPlatform.Messaging.Consumers;
using ComplaintsPlatform.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Messaging;

/// <summary>
/// The messaging tables as part of a service's own EF model, so they live in its schema and arrive
/// through its own migrations. A producer applies <see cref="AddOutbox"/>, a consumer <see cref="AddInbox"/>.
/// Columns are named by the context's snake_case convention (ServiceDatabase.UseServiceDatabase),
/// the names the SQL here is written in.
/// </summary>
public static class MessagingModel
{
    public static ModelBuilder AddOutbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxEvent>(e =>
        {
            e.ToTable("outbox_events");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).UseIdentityAlwaysColumn();
            e.Property(x => x.EventType).HasMaxLength(300);
            // The writing transaction's id, filled in by PostgreSQL: the sequencer's safe horizon is built on it.
            e.Property(x => x.TransactionId).HasColumnType("xid8")
                .HasDefaultValueSql("pg_current_xact_id()").ValueGeneratedOnAdd();
            e.HasIndex(x => x.EventId).IsUnique();
            // Only sequenced rows are in it: a new row's NULL would be one more index entry on every
            // insert, and every read by position (the feed, the head) asks for positions that exist.
            e.HasIndex(x => x.Position).IsUnique().HasFilter("position IS NOT NULL");
            e.HasIndex(x => new { x.TransactionId, x.Id }).HasFilter("position IS NULL")
                .HasDatabaseName("ix_outbox_events_unsequenced");
        });
        return modelBuilder;
    }

    public static ModelBuilder AddInbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ProcessedEvent>(e =>
        {
            e.ToTable("processed_events");
            // Keyed by consumer too: two consumers in one service may take the same feed.
            e.HasKey(x => new { x.Consumer, x.EventId });
            e.Property(x => x.Consumer).HasMaxLength(100);
            e.Property(x => x.Source).HasMaxLength(100);
            e.HasIndex(x => new { x.Consumer, x.Source });
        });
        modelBuilder.Entity<FeedCheckpoint>(e =>
        {
            e.ToTable("feed_checkpoints");
            e.HasKey(x => new { x.Consumer, x.Source });
            e.Property(x => x.Consumer).HasMaxLength(100);
            e.Property(x => x.Source).HasMaxLength(100);
        });
        return modelBuilder;
    }

    internal static string TableOf<TEntity>(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException(
                $"{db.GetType().Name} does not map {typeof(TEntity).Name}: call modelBuilder.{(typeof(TEntity) == typeof(OutboxEvent) ? "AddOutbox" : "AddInbox")}().");
        if (entity.FindProperty(nameof(FeedCheckpoint.Position))?.GetColumnName() != "position")
        {
            throw new InvalidOperationException(
                $"{db.GetType().Name} does not name its columns in snake_case, as the messaging SQL does: configure it with UseServiceDatabase().");
        }
        var schema = entity.GetSchema() ?? entity.Model.GetDefaultSchema();
        return schema is null ? $"\"{entity.GetTableName()}\"" : $"\"{schema}\".\"{entity.GetTableName()}\"";
    }
}
