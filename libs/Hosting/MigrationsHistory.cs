using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Migrations.Internal;

namespace ComplaintsPlatform.Hosting;

/// <summary>
/// The migrations history table exactly as every database already has it. The snake_case naming
/// convention also reaches this table, and would look for "migration_id" where every existing
/// database has "MigrationId".
/// </summary>
#pragma warning disable EF1001 // Deriving from the provider's repository is EF's documented way to shape the history table.
internal sealed class MigrationsHistory(HistoryRepositoryDependencies dependencies) : NpgsqlHistoryRepository(dependencies)
{
    protected override void ConfigureTable(EntityTypeBuilder<HistoryRow> history)
    {
        base.ConfigureTable(history);
        history.HasKey(h => h.MigrationId).HasName("PK___EFMigrationsHistory");
        history.Property(h => h.MigrationId).HasColumnName("MigrationId");
        history.Property(h => h.ProductVersion).HasColumnName("ProductVersion");
    }
}
