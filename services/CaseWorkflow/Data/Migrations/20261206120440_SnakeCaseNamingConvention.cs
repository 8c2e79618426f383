using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintsPlatform.CaseWorkflow.Data.Migrations
{
    /// <inheritdoc />
    public partial class SnakeCaseNamingConvention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameIndex(
                name: "IX_reminders_officer_id_created_at",
                schema: "caseworkflow",
                table: "reminders",
                newName: "ix_reminders_officer_id_created_at");

            migrationBuilder.RenameIndex(
                name: "IX_reminders_case_id_stage_clock_due_kind",
                schema: "caseworkflow",
                table: "reminders",
                newName: "ix_reminders_case_id_stage_clock_due_kind");

            migrationBuilder.RenameIndex(
                name: "IX_processed_events_consumer_source",
                schema: "caseworkflow",
                table: "processed_events",
                newName: "ix_processed_events_consumer_source");

            migrationBuilder.RenameIndex(
                name: "IX_outbox_events_position",
                schema: "caseworkflow",
                table: "outbox_events",
                newName: "ix_outbox_events_position");

            migrationBuilder.RenameIndex(
                name: "IX_outbox_events_event_id",
                schema: "caseworkflow",
                table: "outbox_events",
                newName: "ix_outbox_events_event_id");

            migrationBuilder.RenameIndex(
                name: "IX_officer_time_service_area_id_worked_on",
                schema: "caseworkflow",
                table: "officer_time",
                newName: "ix_officer_time_service_area_id_worked_on");

            migrationBuilder.RenameIndex(
                name: "IX_officer_time_case_id_worked_on",
                schema: "caseworkflow",
                table: "officer_time",
                newName: "ix_officer_time_case_id_worked_on");

            migrationBuilder.RenameIndex(
                name: "IX_imported_rows_case_id",
                schema: "caseworkflow",
                table: "imported_rows",
                newName: "ix_imported_rows_case_id");

            migrationBuilder.RenameIndex(
                name: "IX_cases_team_id_next_deadline",
                schema: "caseworkflow",
                table: "cases",
                newName: "ix_cases_team_id_next_deadline");

            migrationBuilder.RenameIndex(
                name: "IX_cases_reference",
                schema: "caseworkflow",
                table: "cases",
                newName: "ix_cases_reference");

            migrationBuilder.RenameIndex(
                name: "IX_cases_next_reminder_on_id",
                schema: "caseworkflow",
                table: "cases",
                newName: "ix_cases_next_reminder_on_id");

            migrationBuilder.RenameIndex(
                name: "IX_cases_next_deadline_id",
                schema: "caseworkflow",
                table: "cases",
                newName: "ix_cases_next_deadline_id");

            migrationBuilder.RenameIndex(
                name: "IX_cases_has_open_deadlines",
                schema: "caseworkflow",
                table: "cases",
                newName: "ix_cases_has_open_deadlines");

            migrationBuilder.RenameIndex(
                name: "IX_cases_handler_id_next_deadline",
                schema: "caseworkflow",
                table: "cases",
                newName: "ix_cases_handler_id_next_deadline");

            migrationBuilder.RenameIndex(
                name: "IX_cases_contact_id",
                schema: "caseworkflow",
                table: "cases",
                newName: "ix_cases_contact_id");

            migrationBuilder.RenameIndex(
                name: "IX_cases_safeguarding_next_deadline",
                schema: "caseworkflow",
                table: "cases",
                newName: "ix_cases_next_deadline_id2");

            migrationBuilder.RenameIndex(
                name: "IX_cases_ombudsman_next_deadline",
                schema: "caseworkflow",
                table: "cases",
                newName: "ix_cases_next_deadline_id1");

            migrationBuilder.RenameIndex(
                name: "IX_case_audit_officer_id_id",
                schema: "caseworkflow",
                table: "case_audit",
                newName: "ix_case_audit_officer_id_id");

            migrationBuilder.RenameIndex(
                name: "IX_case_audit_case_id_id",
                schema: "caseworkflow",
                table: "case_audit",
                newName: "ix_case_audit_case_id_id");

            // Names only. EF would drop and re-create each key, rebuilding its index and re-checking each
            // foreign key; renaming the constraint (and with it the key's index) touches no row.
            migrationBuilder.Sql("""ALTER TABLE "caseworkflow"."case_audit" RENAME CONSTRAINT "PK_case_audit" TO "pk_case_audit";""");
            migrationBuilder.Sql("""ALTER TABLE "caseworkflow"."cases" RENAME CONSTRAINT "PK_cases" TO "pk_cases";""");
            migrationBuilder.Sql("""ALTER TABLE "caseworkflow"."correspondence_requests" RENAME CONSTRAINT "PK_correspondence_requests" TO "pk_correspondence_requests";""");
            migrationBuilder.Sql("""ALTER TABLE "caseworkflow"."council_configurations" RENAME CONSTRAINT "PK_council_configurations" TO "pk_council_configurations";""");
            migrationBuilder.Sql("""ALTER TABLE "caseworkflow"."feed_checkpoints" RENAME CONSTRAINT "PK_feed_checkpoints" TO "pk_feed_checkpoints";""");
            migrationBuilder.Sql("""ALTER TABLE "caseworkflow"."imported_rows" RENAME CONSTRAINT "PK_imported_rows" TO "pk_imported_rows";""");
            migrationBuilder.Sql("""ALTER TABLE "caseworkflow"."officer_time" RENAME CONSTRAINT "PK_officer_time" TO "pk_officer_time";""");
            migrationBuilder.Sql("""ALTER TABLE "caseworkflow"."outbox_events" RENAME CONSTRAINT "PK_outbox_events" TO "pk_outbox_events";""");
            migrationBuilder.Sql("""ALTER TABLE "caseworkflow"."person_flags" RENAME CONSTRAINT "PK_person_flags" TO "pk_person_flags";""");
            migrationBuilder.Sql("""ALTER TABLE "caseworkflow"."procedure_policies" RENAME CONSTRAINT "PK_procedure_policies" TO "pk_procedure_policies";""");
            migrationBuilder.Sql("""ALTER TABLE "caseworkflow"."processed_events" RENAME CONSTRAINT "PK_processed_events" TO "pk_processed_events";""");
            migrationBuilder.Sql("""ALTER TABLE "caseworkflow"."reminders" RENAME CONSTRAINT "PK_reminders" TO "pk_reminders";""");
            migrationBuilder.Sql("""ALTER TABLE "caseworkflow"."triaged_contacts" RENAME CONSTRAINT "PK_triaged_contacts" TO "pk_triaged_contacts";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameIndex(
                name: "ix_reminders_officer_id_created_at",
                schema: "caseworkflow",
                table: "reminders",
                newName: "IX_reminders_officer_id_created_at");

            migrationBuilder.RenameIndex(
                name: "ix_reminders_case_id_stage_clock_due_kind",
                schema: "caseworkflow",
                table: "reminders",
                newName: "IX_reminders_case_id_stage_clock_due_kind");

            migrationBuilder.RenameIndex(
                name: "ix_processed_events_consumer_source",
                schema: "caseworkflow",
                table: "processed_events",
                newName: "IX_processed_events_consumer_source");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_events_position",
                schema: "caseworkflow",
                table: "outbox_events",
                newName: "IX_outbox_events_position");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_events_event_id",
                schema: "caseworkflow",
                table: "outbox_events",
                newName: "IX_outbox_events_event_id");

            migrationBuilder.RenameIndex(
                name: "ix_officer_time_service_area_id_worked_on",
                schema: "caseworkflow",
                table: "officer_time",
                newName: "IX_officer_time_service_area_id_worked_on");

            migrationBuilder.RenameIndex(
                name: "ix_officer_time_case_id_worked_on",
                schema: "caseworkflow",
                table: "officer_time",
                newName: "IX_officer_time_case_id_worked_on");

            migrationBuilder.RenameIndex(
                name: "ix_imported_rows_case_id",
                schema: "caseworkflow",
                table: "imported_rows",
                newName: "IX_imported_rows_case_id");

            migrationBuilder.RenameIndex(
                name: "ix_cases_team_id_next_deadline",
                schema: "caseworkflow",
                table: "cases",
                newName: "IX_cases_team_id_next_deadline");

            migrationBuilder.RenameIndex(
                name: "ix_cases_reference",
                schema: "caseworkflow",
                table: "cases",
                newName: "IX_cases_reference");

            migrationBuilder.RenameIndex(
                name: "ix_cases_next_reminder_on_id",
                schema: "caseworkflow",
                table: "cases",
                newName: "IX_cases_next_reminder_on_id");

            migrationBuilder.RenameIndex(
                name: "ix_cases_next_deadline_id",
                schema: "caseworkflow",
                table: "cases",
                newName: "IX_cases_next_deadline_id");

            migrationBuilder.RenameIndex(
                name: "ix_cases_has_open_deadlines",
                schema: "caseworkflow",
                table: "cases",
                newName: "IX_cases_has_open_deadlines");

            migrationBuilder.RenameIndex(
                name: "ix_cases_handler_id_next_deadline",
                schema: "caseworkflow",
                table: "cases",
                newName: "IX_cases_handler_id_next_deadline");

            migrationBuilder.RenameIndex(
                name: "ix_cases_contact_id",
                schema: "caseworkflow",
                table: "cases",
                newName: "IX_cases_contact_id");

            migrationBuilder.RenameIndex(
                name: "ix_cases_next_deadline_id2",
                schema: "caseworkflow",
                table: "cases",
                newName: "IX_cases_safeguarding_next_deadline");

            migrationBuilder.RenameIndex(
                name: "ix_cases_next_deadline_id1",
                schema: "caseworkflow",
                table: "cases",
                newName: "IX_cases_ombudsman_next_deadline");

            migrationBuilder.RenameIndex(
                name: "ix_case_audit_officer_id_id",
                schema: "caseworkflow",
                table: "case_audit",
                newName: "IX_case_audit_officer_id_id");

            migrationBuilder.RenameIndex(
                name: "ix_case_audit_case_id_id",
                schema: "caseworkflow",
                table: "case_audit",
                newName: "IX_case_audit_case_id_id");

            migrationBuilder.Sql("""ALTER TABLE "caseworkflow"."case_audit" RENAME CONSTRAINT "pk_case_audit" TO "PK_case_audit";""");
            migrationBuilder.Sql("""ALTER TABLE "caseworkflow"."cases" RENAME CONSTRAINT "pk_cases" TO "PK_cases";""");
            migrationBuilder.Sql("""ALTER TABLE "caseworkflow"."correspondence_requests" RENAME CONSTRAINT "pk_correspondence_requests" TO "PK_correspondence_requests";""");
            migrationBuilder.Sql("""ALTER TABLE "caseworkflow"."council_configurations" RENAME CONSTRAINT "pk_council_configurations" TO "PK_council_configurations";""");
            migrationBuilder.Sql("""ALTER TABLE "caseworkflow"."feed_checkpoints" RENAME CONSTRAINT "pk_feed_checkpoints" TO "PK_feed_checkpoints";""");
            migrationBuilder.Sql("""ALTER TABLE "caseworkflow"."imported_rows" RENAME CONSTRAINT "pk_imported_rows" TO "PK_imported_rows";""");
            migrationBuilder.Sql("""ALTER TABLE "caseworkflow"."officer_time" RENAME CONSTRAINT "pk_officer_time" TO "PK_officer_time";""");
            migrationBuilder.Sql("""ALTER TABLE "caseworkflow"."outbox_events" RENAME CONSTRAINT "pk_outbox_events" TO "PK_outbox_events";""");
            migrationBuilder.Sql("""ALTER TABLE "caseworkflow"."person_flags" RENAME CONSTRAINT "pk_person_flags" TO "PK_person_flags";""");
            migrationBuilder.Sql("""ALTER TABLE "caseworkflow"."procedure_policies" RENAME CONSTRAINT "pk_procedure_policies" TO "PK_procedure_policies";""");
            migrationBuilder.Sql("""ALTER TABLE "caseworkflow"."processed_events" RENAME CONSTRAINT "pk_processed_events" TO "PK_processed_events";""");
            migrationBuilder.Sql("""ALTER TABLE "caseworkflow"."reminders" RENAME CONSTRAINT "pk_reminders" TO "PK_reminders";""");
            migrationBuilder.Sql("""ALTER TABLE "caseworkflow"."triaged_contacts" RENAME CONSTRAINT "pk_triaged_contacts" TO "PK_triaged_contacts";""");
        }
    }
}
