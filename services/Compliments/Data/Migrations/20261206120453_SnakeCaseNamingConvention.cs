using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintsPlatform.Compliments.Data.Migrations
{
    /// <inheritdoc />
    public partial class SnakeCaseNamingConvention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameIndex(
                name: "IX_service_areas_directorate_id",
                schema: "compliments",
                table: "service_areas",
                newName: "ix_service_areas_directorate_id");

            migrationBuilder.RenameIndex(
                name: "IX_processed_events_consumer_source",
                schema: "compliments",
                table: "processed_events",
                newName: "ix_processed_events_consumer_source");

            migrationBuilder.RenameIndex(
                name: "IX_outbox_events_position",
                schema: "compliments",
                table: "outbox_events",
                newName: "ix_outbox_events_position");

            migrationBuilder.RenameIndex(
                name: "IX_outbox_events_event_id",
                schema: "compliments",
                table: "outbox_events",
                newName: "ix_outbox_events_event_id");

            migrationBuilder.RenameIndex(
                name: "IX_compliments_team_id",
                schema: "compliments",
                table: "compliments",
                newName: "ix_compliments_team_id");

            migrationBuilder.RenameIndex(
                name: "IX_compliments_service_area_id_received_on",
                schema: "compliments",
                table: "compliments",
                newName: "ix_compliments_service_area_id_received_on");

            migrationBuilder.RenameIndex(
                name: "IX_compliments_recorded_by",
                schema: "compliments",
                table: "compliments",
                newName: "ix_compliments_recorded_by");

            migrationBuilder.RenameIndex(
                name: "IX_compliments_officer_id",
                schema: "compliments",
                table: "compliments",
                newName: "ix_compliments_officer_id");

            migrationBuilder.RenameIndex(
                name: "IX_compliments_import_source_id",
                schema: "compliments",
                table: "compliments",
                newName: "ix_compliments_import_source_id");

            migrationBuilder.RenameIndex(
                name: "IX_compliments_contact_id",
                schema: "compliments",
                table: "compliments",
                newName: "ix_compliments_contact_id");

            // Names only. EF would drop and re-create each key, rebuilding its index and re-checking each
            // foreign key; renaming the constraint (and with it the key's index) touches no row.
            migrationBuilder.Sql("""ALTER TABLE "compliments"."compliments" RENAME CONSTRAINT "PK_compliments" TO "pk_compliments";""");
            migrationBuilder.Sql("""ALTER TABLE "compliments"."council" RENAME CONSTRAINT "PK_council" TO "pk_council";""");
            migrationBuilder.Sql("""ALTER TABLE "compliments"."feed_checkpoints" RENAME CONSTRAINT "PK_feed_checkpoints" TO "pk_feed_checkpoints";""");
            migrationBuilder.Sql("""ALTER TABLE "compliments"."officers" RENAME CONSTRAINT "PK_officers" TO "pk_officers";""");
            migrationBuilder.Sql("""ALTER TABLE "compliments"."outbox_events" RENAME CONSTRAINT "PK_outbox_events" TO "pk_outbox_events";""");
            migrationBuilder.Sql("""ALTER TABLE "compliments"."processed_events" RENAME CONSTRAINT "PK_processed_events" TO "pk_processed_events";""");
            migrationBuilder.Sql("""ALTER TABLE "compliments"."service_areas" RENAME CONSTRAINT "PK_service_areas" TO "pk_service_areas";""");
            migrationBuilder.Sql("""ALTER TABLE "compliments"."teams" RENAME CONSTRAINT "PK_teams" TO "pk_teams";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameIndex(
                name: "ix_service_areas_directorate_id",
                schema: "compliments",
                table: "service_areas",
                newName: "IX_service_areas_directorate_id");

            migrationBuilder.RenameIndex(
                name: "ix_processed_events_consumer_source",
                schema: "compliments",
                table: "processed_events",
                newName: "IX_processed_events_consumer_source");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_events_position",
                schema: "compliments",
                table: "outbox_events",
                newName: "IX_outbox_events_position");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_events_event_id",
                schema: "compliments",
                table: "outbox_events",
                newName: "IX_outbox_events_event_id");

            migrationBuilder.RenameIndex(
                name: "ix_compliments_team_id",
                schema: "compliments",
                table: "compliments",
                newName: "IX_compliments_team_id");

            migrationBuilder.RenameIndex(
                name: "ix_compliments_service_area_id_received_on",
                schema: "compliments",
                table: "compliments",
                newName: "IX_compliments_service_area_id_received_on");

            migrationBuilder.RenameIndex(
                name: "ix_compliments_recorded_by",
                schema: "compliments",
                table: "compliments",
                newName: "IX_compliments_recorded_by");

            migrationBuilder.RenameIndex(
                name: "ix_compliments_officer_id",
                schema: "compliments",
                table: "compliments",
                newName: "IX_compliments_officer_id");

            migrationBuilder.RenameIndex(
                name: "ix_compliments_import_source_id",
                schema: "compliments",
                table: "compliments",
                newName: "IX_compliments_import_source_id");

            migrationBuilder.RenameIndex(
                name: "ix_compliments_contact_id",
                schema: "compliments",
                table: "compliments",
                newName: "IX_compliments_contact_id");

            migrationBuilder.Sql("""ALTER TABLE "compliments"."compliments" RENAME CONSTRAINT "pk_compliments" TO "PK_compliments";""");
            migrationBuilder.Sql("""ALTER TABLE "compliments"."council" RENAME CONSTRAINT "pk_council" TO "PK_council";""");
            migrationBuilder.Sql("""ALTER TABLE "compliments"."feed_checkpoints" RENAME CONSTRAINT "pk_feed_checkpoints" TO "PK_feed_checkpoints";""");
            migrationBuilder.Sql("""ALTER TABLE "compliments"."officers" RENAME CONSTRAINT "pk_officers" TO "PK_officers";""");
            migrationBuilder.Sql("""ALTER TABLE "compliments"."outbox_events" RENAME CONSTRAINT "pk_outbox_events" TO "PK_outbox_events";""");
            migrationBuilder.Sql("""ALTER TABLE "compliments"."processed_events" RENAME CONSTRAINT "pk_processed_events" TO "PK_processed_events";""");
            migrationBuilder.Sql("""ALTER TABLE "compliments"."service_areas" RENAME CONSTRAINT "pk_service_areas" TO "PK_service_areas";""");
            migrationBuilder.Sql("""ALTER TABLE "compliments"."teams" RENAME CONSTRAINT "pk_teams" TO "PK_teams";""");
        }
    }
}
