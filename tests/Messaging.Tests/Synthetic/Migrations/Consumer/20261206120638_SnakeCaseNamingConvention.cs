using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintsPlatform.Messaging.Tests.Synthetic.Migrations.Consumer
{
    /// <inheritdoc />
    public partial class SnakeCaseNamingConvention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameIndex(
                name: "IX_processed_events_consumer_source",
                schema: "reporting",
                table: "processed_events",
                newName: "ix_processed_events_consumer_source");

            // Names only. EF would drop and re-create each key, rebuilding its index and re-checking each
            // foreign key; renaming the constraint (and with it the key's index) touches no row.
            migrationBuilder.Sql("""ALTER TABLE "reporting"."applied_contacts" RENAME CONSTRAINT "PK_applied_contacts" TO "pk_applied_contacts";""");
            migrationBuilder.Sql("""ALTER TABLE "reporting"."feed_checkpoints" RENAME CONSTRAINT "PK_feed_checkpoints" TO "pk_feed_checkpoints";""");
            migrationBuilder.Sql("""ALTER TABLE "reporting"."processed_events" RENAME CONSTRAINT "PK_processed_events" TO "pk_processed_events";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameIndex(
                name: "ix_processed_events_consumer_source",
                schema: "reporting",
                table: "processed_events",
                newName: "IX_processed_events_consumer_source");

            migrationBuilder.Sql("""ALTER TABLE "reporting"."applied_contacts" RENAME CONSTRAINT "pk_applied_contacts" TO "PK_applied_contacts";""");
            migrationBuilder.Sql("""ALTER TABLE "reporting"."feed_checkpoints" RENAME CONSTRAINT "pk_feed_checkpoints" TO "PK_feed_checkpoints";""");
            migrationBuilder.Sql("""ALTER TABLE "reporting"."processed_events" RENAME CONSTRAINT "pk_processed_events" TO "PK_processed_events";""");
        }
    }
}
