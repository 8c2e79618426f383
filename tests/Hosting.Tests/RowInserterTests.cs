using ComplaintsPlatform.Hosting;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ComplaintsPlatform.Hosting.Tests;

public sealed class RowInserterTests
{
    [Fact]
    public void The_insert_names_every_column_the_application_sets_and_leaves_identity_and_defaults_to_the_database()
    {
        using var db = new Model();

        var inserter = RowInserter<Row>.TryCreate(db.Model);

        Assert.NotNull(inserter);
        Assert.Equal(
            """INSERT INTO "app"."rows" ("event_id", "lines", "payload", "state", "when") VALUES ($1, $2, $3, $4, $5)""",
            inserter.Sql);
    }

    [Fact]
    public void A_conditional_insert_selects_its_values_only_if_the_keyed_row_exists_and_must_be_given_the_key()
    {
        using var db = new Model();

        var inserter = RowInserter<Row>.TryCreate(db.Model)!.OnlyIfExists("app", "parents", "id");

        Assert.Equal(
            """INSERT INTO "app"."rows" ("event_id", "lines", "payload", "state", "when") SELECT $1, $2, $3, $4, $5 WHERE EXISTS (SELECT FROM "app"."parents" WHERE "id" = $6)""",
            inserter.Sql);
        using var batch = new Npgsql.NpgsqlBatch();
        Assert.Throws<InvalidOperationException>(() => inserter.Add(batch, new Row()));
        Assert.Throws<InvalidOperationException>(() => RowInserter<Row>.TryCreate(db.Model)!.Add(batch, new Row(), Guid.NewGuid()));
        inserter.Add(batch, new Row(), Guid.NewGuid());
        Assert.Equal(6, batch.BatchCommands[0].Parameters.Count);
    }

    [Fact]
    public void A_column_of_a_type_it_does_not_know_makes_it_refuse_rather_than_guess()
    {
        using var db = new Model();

        Assert.Null(RowInserter<Timed>.TryCreate(db.Model));
    }

    [Theory]
    [InlineData("character varying(200)", "Varchar")]
    [InlineData("timestamp with time zone", "TimestampTz")]
    [InlineData("integer[]", "-2147483639")] // Array | Integer
    [InlineData("jsonb", "Jsonb")]
    [InlineData("interval", null)]
    public void Store_types_map_to_their_parameter_types(string storeType, string? expected) =>
        Assert.Equal(expected, RowInserter<Row>.StoreType(storeType)?.ToString());

    private enum State { Open, Closed }

    private sealed class Row
    {
        public long Id { get; set; }
        public Guid EventId { get; set; }
        public string[] Lines { get; set; } = [];
        public string Payload { get; set; } = "{}";
        public State State { get; set; }
        public DateTime When { get; set; }
        public ulong TransactionId { get; set; }
    }

    private sealed class Timed
    {
        public Guid Id { get; set; }
        public TimeSpan Within { get; set; }
    }

    // Never connects: the model needs no server.
    private sealed class Model : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseNpgsql("Host=unused").UseSnakeCaseNamingConvention();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.HasDefaultSchema("app");
            modelBuilder.Entity<Row>(e =>
            {
                e.ToTable("rows");
                e.Property(r => r.Id).UseIdentityAlwaysColumn();
                e.Property(r => r.Payload).HasColumnType("jsonb");
                e.Property(r => r.State).HasConversion<string>();
                e.Property(r => r.TransactionId).HasColumnType("xid8").HasDefaultValueSql("pg_current_xact_id()");
            });
            modelBuilder.Entity<Timed>(e => e.Property(s => s.Within).HasColumnType("interval"));
        }
    }
}
