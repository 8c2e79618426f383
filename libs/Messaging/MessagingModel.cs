using ComplaintsPlatform.Messaging.Consumers;
using ComplaintsPlatform.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Messaging;

/// <summary>
/// The messaging tables as part of a service's own EF model, so they live in its schema and arrive
/// through its own migrations. A producer applies <see cref="AddOutbox"/>, a consumer <see cref="AddInbox"/>.
/// </summary>
public static class MessagingModel
{
    public static ModelBuilder AddOutbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxEvent>(e =>
        {
            e.ToTable("outbox_events");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").UseIdentityAlwaysColumn();
            e.Property(x => x.EventId).HasColumnName("event_id");
            e.Property(x => x.EventType).HasColumnName("event_type").HasMaxLength(300);
            e.Property(x => x.Payload).HasColumnName("payload");
            e.Property(x => x.RecordedAt).HasColumnName("recorded_at");
            // The writing transaction's id, filled in by PostgreSQL: the sequencer's safe horizon is built on it.
            e.Property(x => x.TransactionId).HasColumnName("transaction_id").HasColumnType("xid8")
                .HasDefaultValueSql("pg_current_xact_id()").ValueGeneratedOnAdd();
            e.Property(x => x.Position).HasColumnName("position");
            e.HasIndex(x => x.EventId).IsUnique();
            e.HasIndex(x => x.Position).IsUnique();
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
            e.Property(x => x.Consumer).HasColumnName("consumer").HasMaxLength(100);
            e.Property(x => x.EventId).HasColumnName("event_id");
            e.Property(x => x.Source).HasColumnName("source").HasMaxLength(100);
            e.Property(x => x.Position).HasColumnName("position");
            e.Property(x => x.ProcessedAt).HasColumnName("processed_at");
            e.HasIndex(x => new { x.Consumer, x.Source });
        });
        modelBuilder.Entity<FeedCheckpoint>(e =>
        {
            e.ToTable("feed_checkpoints");
            e.HasKey(x => new { x.Consumer, x.Source });
            e.Property(x => x.Consumer).HasColumnName("consumer").HasMaxLength(100);
            e.Property(x => x.Source).HasColumnName("source").HasMaxLength(100);
            e.Property(x => x.Position).HasColumnName("position");
            e.Property(x => x.UpdatedAt).HasColumnName("updated_at");
        });
        return modelBuilder;
    }

    internal static string TableOf<TEntity>(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException(
                $"{db.GetType().Name} does not map {typeof(TEntity).Name}: call modelBuilder.{(typeof(TEntity) == typeof(OutboxEvent) ? "AddOutbox" : "AddInbox")}().");
        var schema = entity.GetSchema() ?? entity.Model.GetDefaultSchema();
        return schema is null ? $"\"{entity.GetTableName()}\"" : $"\"{schema}\".\"{entity.GetTableName()}\"";
    }
}
