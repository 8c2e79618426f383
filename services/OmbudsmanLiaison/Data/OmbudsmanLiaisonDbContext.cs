using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.OmbudsmanLiaison.Data;

public sealed class OmbudsmanLiaisonDbContext(DbContextOptions<OmbudsmanLiaisonDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Extensions.Schema);
    }
}
