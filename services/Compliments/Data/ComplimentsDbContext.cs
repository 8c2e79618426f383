using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Compliments.Data;

public sealed class ComplimentsDbContext(DbContextOptions<ComplimentsDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Extensions.Schema);
    }
}
