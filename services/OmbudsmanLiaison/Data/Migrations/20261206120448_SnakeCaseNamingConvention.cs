using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintsPlatform.OmbudsmanLiaison.Data.Migrations
{
    /// <inheritdoc />
    public partial class SnakeCaseNamingConvention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameIndex(
                name: "IX_reminder_queue_kind_subject_id_due_on",
                schema: "ombudsman",
                table: "reminder_queue",
                newName: "ix_reminder_queue_kind_subject_id_due_on");

            migrationBuilder.RenameIndex(
                name: "IX_recommendations_enquiry_id",
                schema: "ombudsman",
                table: "recommendations",
                newName: "ix_recommendations_enquiry_id");

            migrationBuilder.RenameIndex(
                name: "IX_processed_events_consumer_source",
                schema: "ombudsman",
                table: "processed_events",
                newName: "ix_processed_events_consumer_source");

            migrationBuilder.RenameIndex(
                name: "IX_outbox_events_position",
                schema: "ombudsman",
                table: "outbox_events",
                newName: "ix_outbox_events_position");

            migrationBuilder.RenameIndex(
                name: "IX_outbox_events_event_id",
                schema: "ombudsman",
                table: "outbox_events",
                newName: "ix_outbox_events_event_id");

            migrationBuilder.RenameIndex(
                name: "IX_information_requests_enquiry_id",
                schema: "ombudsman",
                table: "information_requests",
                newName: "ix_information_requests_enquiry_id");

            migrationBuilder.RenameIndex(
                name: "IX_imported_rows_enquiry_id",
                schema: "ombudsman",
                table: "imported_rows",
                newName: "ix_imported_rows_enquiry_id");

            migrationBuilder.RenameIndex(
                name: "IX_enquiries_ombudsman_ombudsman_reference",
                schema: "ombudsman",
                table: "enquiries",
                newName: "ix_enquiries_ombudsman_ombudsman_reference");

            migrationBuilder.RenameIndex(
                name: "IX_enquiries_case_reference",
                schema: "ombudsman",
                table: "enquiries",
                newName: "ix_enquiries_case_reference");

            migrationBuilder.RenameIndex(
                name: "IX_correspondence_enquiry_id",
                schema: "ombudsman",
                table: "correspondence",
                newName: "ix_correspondence_enquiry_id");

            // Names only. EF would drop and re-create each key, rebuilding its index and re-checking each
            // foreign key; renaming the constraint (and with it the key's index) touches no row.
            migrationBuilder.Sql("""ALTER TABLE "ombudsman"."correspondence" RENAME CONSTRAINT "FK_correspondence_enquiries_enquiry_id" TO "fk_correspondence_enquiries_enquiry_id";""");
            migrationBuilder.Sql("""ALTER TABLE "ombudsman"."information_requests" RENAME CONSTRAINT "FK_information_requests_enquiries_enquiry_id" TO "fk_information_requests_enquiries_enquiry_id";""");
            migrationBuilder.Sql("""ALTER TABLE "ombudsman"."recommendations" RENAME CONSTRAINT "FK_recommendations_enquiries_enquiry_id" TO "fk_recommendations_enquiries_enquiry_id";""");
            migrationBuilder.Sql("""ALTER TABLE "ombudsman"."benchmark_figures" RENAME CONSTRAINT "PK_benchmark_figures" TO "pk_benchmark_figures";""");
            migrationBuilder.Sql("""ALTER TABLE "ombudsman"."correspondence" RENAME CONSTRAINT "PK_correspondence" TO "pk_correspondence";""");
            migrationBuilder.Sql("""ALTER TABLE "ombudsman"."council_settings" RENAME CONSTRAINT "PK_council_settings" TO "pk_council_settings";""");
            migrationBuilder.Sql("""ALTER TABLE "ombudsman"."enquiries" RENAME CONSTRAINT "PK_enquiries" TO "pk_enquiries";""");
            migrationBuilder.Sql("""ALTER TABLE "ombudsman"."feed_checkpoints" RENAME CONSTRAINT "PK_feed_checkpoints" TO "pk_feed_checkpoints";""");
            migrationBuilder.Sql("""ALTER TABLE "ombudsman"."imported_rows" RENAME CONSTRAINT "PK_imported_rows" TO "pk_imported_rows";""");
            migrationBuilder.Sql("""ALTER TABLE "ombudsman"."information_requests" RENAME CONSTRAINT "PK_information_requests" TO "pk_information_requests";""");
            migrationBuilder.Sql("""ALTER TABLE "ombudsman"."outbox_events" RENAME CONSTRAINT "PK_outbox_events" TO "pk_outbox_events";""");
            migrationBuilder.Sql("""ALTER TABLE "ombudsman"."processed_events" RENAME CONSTRAINT "PK_processed_events" TO "pk_processed_events";""");
            migrationBuilder.Sql("""ALTER TABLE "ombudsman"."recommendations" RENAME CONSTRAINT "PK_recommendations" TO "pk_recommendations";""");
            migrationBuilder.Sql("""ALTER TABLE "ombudsman"."reminder_queue" RENAME CONSTRAINT "PK_reminder_queue" TO "pk_reminder_queue";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameIndex(
                name: "ix_reminder_queue_kind_subject_id_due_on",
                schema: "ombudsman",
                table: "reminder_queue",
                newName: "IX_reminder_queue_kind_subject_id_due_on");

            migrationBuilder.RenameIndex(
                name: "ix_recommendations_enquiry_id",
                schema: "ombudsman",
                table: "recommendations",
                newName: "IX_recommendations_enquiry_id");

            migrationBuilder.RenameIndex(
                name: "ix_processed_events_consumer_source",
                schema: "ombudsman",
                table: "processed_events",
                newName: "IX_processed_events_consumer_source");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_events_position",
                schema: "ombudsman",
                table: "outbox_events",
                newName: "IX_outbox_events_position");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_events_event_id",
                schema: "ombudsman",
                table: "outbox_events",
                newName: "IX_outbox_events_event_id");

            migrationBuilder.RenameIndex(
                name: "ix_information_requests_enquiry_id",
                schema: "ombudsman",
                table: "information_requests",
                newName: "IX_information_requests_enquiry_id");

            migrationBuilder.RenameIndex(
                name: "ix_imported_rows_enquiry_id",
                schema: "ombudsman",
                table: "imported_rows",
                newName: "IX_imported_rows_enquiry_id");

            migrationBuilder.RenameIndex(
                name: "ix_enquiries_ombudsman_ombudsman_reference",
                schema: "ombudsman",
                table: "enquiries",
                newName: "IX_enquiries_ombudsman_ombudsman_reference");

            migrationBuilder.RenameIndex(
                name: "ix_enquiries_case_reference",
                schema: "ombudsman",
                table: "enquiries",
                newName: "IX_enquiries_case_reference");

            migrationBuilder.RenameIndex(
                name: "ix_correspondence_enquiry_id",
                schema: "ombudsman",
                table: "correspondence",
                newName: "IX_correspondence_enquiry_id");

            migrationBuilder.Sql("""ALTER TABLE "ombudsman"."correspondence" RENAME CONSTRAINT "fk_correspondence_enquiries_enquiry_id" TO "FK_correspondence_enquiries_enquiry_id";""");
            migrationBuilder.Sql("""ALTER TABLE "ombudsman"."information_requests" RENAME CONSTRAINT "fk_information_requests_enquiries_enquiry_id" TO "FK_information_requests_enquiries_enquiry_id";""");
            migrationBuilder.Sql("""ALTER TABLE "ombudsman"."recommendations" RENAME CONSTRAINT "fk_recommendations_enquiries_enquiry_id" TO "FK_recommendations_enquiries_enquiry_id";""");
            migrationBuilder.Sql("""ALTER TABLE "ombudsman"."benchmark_figures" RENAME CONSTRAINT "pk_benchmark_figures" TO "PK_benchmark_figures";""");
            migrationBuilder.Sql("""ALTER TABLE "ombudsman"."correspondence" RENAME CONSTRAINT "pk_correspondence" TO "PK_correspondence";""");
            migrationBuilder.Sql("""ALTER TABLE "ombudsman"."council_settings" RENAME CONSTRAINT "pk_council_settings" TO "PK_council_settings";""");
            migrationBuilder.Sql("""ALTER TABLE "ombudsman"."enquiries" RENAME CONSTRAINT "pk_enquiries" TO "PK_enquiries";""");
            migrationBuilder.Sql("""ALTER TABLE "ombudsman"."feed_checkpoints" RENAME CONSTRAINT "pk_feed_checkpoints" TO "PK_feed_checkpoints";""");
            migrationBuilder.Sql("""ALTER TABLE "ombudsman"."imported_rows" RENAME CONSTRAINT "pk_imported_rows" TO "PK_imported_rows";""");
            migrationBuilder.Sql("""ALTER TABLE "ombudsman"."information_requests" RENAME CONSTRAINT "pk_information_requests" TO "PK_information_requests";""");
            migrationBuilder.Sql("""ALTER TABLE "ombudsman"."outbox_events" RENAME CONSTRAINT "pk_outbox_events" TO "PK_outbox_events";""");
            migrationBuilder.Sql("""ALTER TABLE "ombudsman"."processed_events" RENAME CONSTRAINT "pk_processed_events" TO "PK_processed_events";""");
            migrationBuilder.Sql("""ALTER TABLE "ombudsman"."recommendations" RENAME CONSTRAINT "pk_recommendations" TO "PK_recommendations";""");
            migrationBuilder.Sql("""ALTER TABLE "ombudsman"."reminder_queue" RENAME CONSTRAINT "pk_reminder_queue" TO "PK_reminder_queue";""");
        }
    }
}
