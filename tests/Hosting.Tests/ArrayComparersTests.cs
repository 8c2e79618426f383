using ComplaintsPlatform.Hosting;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ComplaintsPlatform.Hosting.Tests;

public sealed class ArrayComparersTests
{
    [Fact]
    public void A_changed_element_of_a_tracked_array_is_still_seen_as_a_change_and_the_snapshot_is_a_copy()
    {
        using var db = new Letters();
        var letter = new Letter { Id = Guid.NewGuid(), Lines = ["1 High Street", "Leicester"], Codes = [1, 2], Blob = [1] };
        db.Attach(letter);

        letter.Lines[0] = "2 High Street";
        letter.Codes = [1, 2];
        db.ChangeTracker.DetectChanges();

        var entry = db.Entry(letter);
        Assert.Equal(EntityState.Modified, entry.State);
        Assert.True(entry.Property(l => l.Lines).IsModified);
        Assert.False(entry.Property(l => l.Codes).IsModified);
        Assert.Equal("1 High Street", ((string[])entry.Property(l => l.Lines).OriginalValue!)[0]);
    }

    [Fact]
    public void Every_array_column_but_bytea_gets_the_flat_comparer()
    {
        using var db = new Letters();
        var entity = db.Model.FindEntityType(typeof(Letter))!;

        var comparers = entity.GetProperties().ToDictionary(p => p.Name, p => p.GetValueComparer().GetType().Name);

        Assert.StartsWith("ArrayComparer", comparers[nameof(Letter.Lines)]);
        Assert.StartsWith("ArrayComparer", comparers[nameof(Letter.Codes)]);
        Assert.DoesNotContain("ArrayComparer", comparers[nameof(Letter.Blob)]);
    }

    private sealed class Letter
    {
        public Guid Id { get; set; }
        public string[] Lines { get; set; } = [];
        public int[] Codes { get; set; } = [];
        public byte[] Blob { get; set; } = [];
    }

    // Never connects: the model and the change tracker need no server.
    private sealed class Letters : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseNpgsql("Host=unused");

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Letter>();
            modelBuilder.UseFlatArrayComparers();
        }
    }
}
