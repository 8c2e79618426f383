using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintsPlatform.Messaging.Tests.Synthetic.Migrations.Producer
{
    /// <inheritdoc />
    public partial class SnakeCaseNamingConvention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameIndex(
                name: "IX_outbox_events_position",
                schema: "intake",
                table: "outbox_events",
                newName: "ix_outbox_events_position");

            migrationBuilder.RenameIndex(
                name: "IX_outbox_events_event_id",
                schema: "intake",
                table: "outbox_events",
                newName: "ix_outbox_events_event_id");

            // Names only. EF would drop and re-create each key, rebuilding its index and re-checking each
            // foreign key; renaming the constraint (and with it the key's index) touches no row.
            migrationBuilder.Sql("""ALTER TABLE "intake"."contacts" RENAME CONSTRAINT "PK_contacts" TO "pk_contacts";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."outbox_events" RENAME CONSTRAINT "PK_outbox_events" TO "pk_outbox_events";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameIndex(
                name: "ix_outbox_events_position",
                schema: "intake",
                table: "outbox_events",
                newName: "IX_outbox_events_position");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_events_event_id",
                schema: "intake",
                table: "outbox_events",
                newName: "IX_outbox_events_event_id");

            migrationBuilder.Sql("""ALTER TABLE "intake"."contacts" RENAME CONSTRAINT "pk_contacts" TO "PK_contacts";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."outbox_events" RENAME CONSTRAINT "pk_outbox_events" TO "PK_outbox_events";""");
        }
    }
}
