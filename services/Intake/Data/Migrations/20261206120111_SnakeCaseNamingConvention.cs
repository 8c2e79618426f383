using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintsPlatform.Intake.Data.Migrations
{
    /// <inheritdoc />
    public partial class SnakeCaseNamingConvention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameIndex(
                name: "IX_triage_entries_contact_id",
                schema: "intake",
                table: "triage_entries",
                newName: "ix_triage_entries_contact_id");

            migrationBuilder.RenameIndex(
                name: "IX_register_reviews_record_id",
                schema: "intake",
                table: "register_reviews",
                newName: "ix_register_reviews_record_id");

            migrationBuilder.RenameIndex(
                name: "IX_processed_events_consumer_source",
                schema: "intake",
                table: "processed_events",
                newName: "ix_processed_events_consumer_source");

            migrationBuilder.RenameIndex(
                name: "IX_persons_match_key",
                schema: "intake",
                table: "persons",
                newName: "ix_persons_match_key");

            migrationBuilder.RenameIndex(
                name: "IX_person_adjustments_person_id",
                schema: "intake",
                table: "person_adjustments",
                newName: "ix_person_adjustments_person_id");

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

            migrationBuilder.RenameIndex(
                name: "IX_duplicate_flags_contact_id_other_contact_id",
                schema: "intake",
                table: "duplicate_flags",
                newName: "ix_duplicate_flags_contact_id_other_contact_id");

            migrationBuilder.RenameIndex(
                name: "IX_correspondence_request_id",
                schema: "intake",
                table: "correspondence",
                newName: "ix_correspondence_request_id");

            migrationBuilder.RenameIndex(
                name: "IX_correspondence_contact_id",
                schema: "intake",
                table: "correspondence",
                newName: "ix_correspondence_contact_id");

            migrationBuilder.RenameIndex(
                name: "IX_contacts_reference",
                schema: "intake",
                table: "contacts",
                newName: "ix_contacts_reference");

            migrationBuilder.RenameIndex(
                name: "IX_contacts_person_id_received_at",
                schema: "intake",
                table: "contacts",
                newName: "ix_contacts_person_id_received_at");

            migrationBuilder.RenameIndex(
                name: "IX_contacts_import_source_id",
                schema: "intake",
                table: "contacts",
                newName: "ix_contacts_import_source_id");

            migrationBuilder.RenameIndex(
                name: "IX_attachments_contact_id",
                schema: "intake",
                table: "attachments",
                newName: "ix_attachments_contact_id");

            migrationBuilder.RenameIndex(
                name: "IX_access_log_contact_id",
                schema: "intake",
                table: "access_log",
                newName: "ix_access_log_contact_id");

            // Names only. EF would drop and re-create each key, rebuilding its index and re-checking each
            // foreign key; renaming the constraint (and with it the key's index) touches no row.
            migrationBuilder.Sql("""ALTER TABLE "intake"."attachments" RENAME CONSTRAINT "FK_attachments_contacts_contact_id" TO "fk_attachments_contacts_contact_id";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."contacts" RENAME CONSTRAINT "FK_contacts_persons_person_id" TO "fk_contacts_persons_person_id";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."duplicate_flags" RENAME CONSTRAINT "FK_duplicate_flags_contacts_contact_id" TO "fk_duplicate_flags_contacts_contact_id";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."person_adjustments" RENAME CONSTRAINT "FK_person_adjustments_persons_person_id" TO "fk_person_adjustments_persons_person_id";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."person_restrictions" RENAME CONSTRAINT "FK_person_restrictions_persons_person_id" TO "fk_person_restrictions_persons_person_id";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."restriction_screenings" RENAME CONSTRAINT "FK_restriction_screenings_contacts_contact_id" TO "fk_restriction_screenings_contacts_contact_id";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."triage_entries" RENAME CONSTRAINT "FK_triage_entries_contacts_contact_id" TO "fk_triage_entries_contacts_contact_id";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."access_log" RENAME CONSTRAINT "PK_access_log" TO "pk_access_log";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."acknowledge_limits" RENAME CONSTRAINT "PK_acknowledge_limits" TO "pk_acknowledge_limits";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."attachments" RENAME CONSTRAINT "PK_attachments" TO "pk_attachments";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."case_progress" RENAME CONSTRAINT "PK_case_progress" TO "pk_case_progress";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."configuration_state" RENAME CONSTRAINT "PK_configuration_state" TO "pk_configuration_state";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."configured_lists" RENAME CONSTRAINT "PK_configured_lists" TO "pk_configured_lists";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."contacts" RENAME CONSTRAINT "PK_contacts" TO "pk_contacts";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."correspondence" RENAME CONSTRAINT "PK_correspondence" TO "pk_correspondence";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."duplicate_flags" RENAME CONSTRAINT "PK_duplicate_flags" TO "pk_duplicate_flags";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."equality_answers" RENAME CONSTRAINT "PK_equality_answers" TO "pk_equality_answers";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."feed_checkpoints" RENAME CONSTRAINT "PK_feed_checkpoints" TO "pk_feed_checkpoints";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."outbox_events" RENAME CONSTRAINT "PK_outbox_events" TO "pk_outbox_events";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."person_adjustments" RENAME CONSTRAINT "PK_person_adjustments" TO "pk_person_adjustments";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."person_restrictions" RENAME CONSTRAINT "PK_person_restrictions" TO "pk_person_restrictions";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."persons" RENAME CONSTRAINT "PK_persons" TO "pk_persons";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."processed_events" RENAME CONSTRAINT "PK_processed_events" TO "pk_processed_events";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."register_reviews" RENAME CONSTRAINT "PK_register_reviews" TO "pk_register_reviews";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."restriction_screenings" RENAME CONSTRAINT "PK_restriction_screenings" TO "pk_restriction_screenings";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."service_areas" RENAME CONSTRAINT "PK_service_areas" TO "pk_service_areas";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."teams" RENAME CONSTRAINT "PK_teams" TO "pk_teams";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."triage_entries" RENAME CONSTRAINT "PK_triage_entries" TO "pk_triage_entries";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameIndex(
                name: "ix_triage_entries_contact_id",
                schema: "intake",
                table: "triage_entries",
                newName: "IX_triage_entries_contact_id");

            migrationBuilder.RenameIndex(
                name: "ix_register_reviews_record_id",
                schema: "intake",
                table: "register_reviews",
                newName: "IX_register_reviews_record_id");

            migrationBuilder.RenameIndex(
                name: "ix_processed_events_consumer_source",
                schema: "intake",
                table: "processed_events",
                newName: "IX_processed_events_consumer_source");

            migrationBuilder.RenameIndex(
                name: "ix_persons_match_key",
                schema: "intake",
                table: "persons",
                newName: "IX_persons_match_key");

            migrationBuilder.RenameIndex(
                name: "ix_person_adjustments_person_id",
                schema: "intake",
                table: "person_adjustments",
                newName: "IX_person_adjustments_person_id");

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

            migrationBuilder.RenameIndex(
                name: "ix_duplicate_flags_contact_id_other_contact_id",
                schema: "intake",
                table: "duplicate_flags",
                newName: "IX_duplicate_flags_contact_id_other_contact_id");

            migrationBuilder.RenameIndex(
                name: "ix_correspondence_request_id",
                schema: "intake",
                table: "correspondence",
                newName: "IX_correspondence_request_id");

            migrationBuilder.RenameIndex(
                name: "ix_correspondence_contact_id",
                schema: "intake",
                table: "correspondence",
                newName: "IX_correspondence_contact_id");

            migrationBuilder.RenameIndex(
                name: "ix_contacts_reference",
                schema: "intake",
                table: "contacts",
                newName: "IX_contacts_reference");

            migrationBuilder.RenameIndex(
                name: "ix_contacts_person_id_received_at",
                schema: "intake",
                table: "contacts",
                newName: "IX_contacts_person_id_received_at");

            migrationBuilder.RenameIndex(
                name: "ix_contacts_import_source_id",
                schema: "intake",
                table: "contacts",
                newName: "IX_contacts_import_source_id");

            migrationBuilder.RenameIndex(
                name: "ix_attachments_contact_id",
                schema: "intake",
                table: "attachments",
                newName: "IX_attachments_contact_id");

            migrationBuilder.RenameIndex(
                name: "ix_access_log_contact_id",
                schema: "intake",
                table: "access_log",
                newName: "IX_access_log_contact_id");

            migrationBuilder.Sql("""ALTER TABLE "intake"."attachments" RENAME CONSTRAINT "fk_attachments_contacts_contact_id" TO "FK_attachments_contacts_contact_id";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."contacts" RENAME CONSTRAINT "fk_contacts_persons_person_id" TO "FK_contacts_persons_person_id";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."duplicate_flags" RENAME CONSTRAINT "fk_duplicate_flags_contacts_contact_id" TO "FK_duplicate_flags_contacts_contact_id";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."person_adjustments" RENAME CONSTRAINT "fk_person_adjustments_persons_person_id" TO "FK_person_adjustments_persons_person_id";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."person_restrictions" RENAME CONSTRAINT "fk_person_restrictions_persons_person_id" TO "FK_person_restrictions_persons_person_id";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."restriction_screenings" RENAME CONSTRAINT "fk_restriction_screenings_contacts_contact_id" TO "FK_restriction_screenings_contacts_contact_id";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."triage_entries" RENAME CONSTRAINT "fk_triage_entries_contacts_contact_id" TO "FK_triage_entries_contacts_contact_id";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."access_log" RENAME CONSTRAINT "pk_access_log" TO "PK_access_log";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."acknowledge_limits" RENAME CONSTRAINT "pk_acknowledge_limits" TO "PK_acknowledge_limits";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."attachments" RENAME CONSTRAINT "pk_attachments" TO "PK_attachments";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."case_progress" RENAME CONSTRAINT "pk_case_progress" TO "PK_case_progress";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."configuration_state" RENAME CONSTRAINT "pk_configuration_state" TO "PK_configuration_state";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."configured_lists" RENAME CONSTRAINT "pk_configured_lists" TO "PK_configured_lists";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."contacts" RENAME CONSTRAINT "pk_contacts" TO "PK_contacts";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."correspondence" RENAME CONSTRAINT "pk_correspondence" TO "PK_correspondence";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."duplicate_flags" RENAME CONSTRAINT "pk_duplicate_flags" TO "PK_duplicate_flags";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."equality_answers" RENAME CONSTRAINT "pk_equality_answers" TO "PK_equality_answers";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."feed_checkpoints" RENAME CONSTRAINT "pk_feed_checkpoints" TO "PK_feed_checkpoints";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."outbox_events" RENAME CONSTRAINT "pk_outbox_events" TO "PK_outbox_events";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."person_adjustments" RENAME CONSTRAINT "pk_person_adjustments" TO "PK_person_adjustments";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."person_restrictions" RENAME CONSTRAINT "pk_person_restrictions" TO "PK_person_restrictions";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."persons" RENAME CONSTRAINT "pk_persons" TO "PK_persons";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."processed_events" RENAME CONSTRAINT "pk_processed_events" TO "PK_processed_events";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."register_reviews" RENAME CONSTRAINT "pk_register_reviews" TO "PK_register_reviews";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."restriction_screenings" RENAME CONSTRAINT "pk_restriction_screenings" TO "PK_restriction_screenings";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."service_areas" RENAME CONSTRAINT "pk_service_areas" TO "PK_service_areas";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."teams" RENAME CONSTRAINT "pk_teams" TO "PK_teams";""");
            migrationBuilder.Sql("""ALTER TABLE "intake"."triage_entries" RENAME CONSTRAINT "pk_triage_entries" TO "PK_triage_entries";""");
        }
    }
}
