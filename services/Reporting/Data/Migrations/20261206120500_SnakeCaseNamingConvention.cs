using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintsPlatform.Reporting.Data.Migrations
{
    /// <inheritdoc />
    public partial class SnakeCaseNamingConvention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameIndex(
                name: "IX_self_assessment_changes_year_paragraph",
                schema: "reporting",
                table: "self_assessment_changes",
                newName: "ix_self_assessment_changes_year_paragraph");

            migrationBuilder.RenameIndex(
                name: "IX_processed_events_consumer_source",
                schema: "reporting",
                table: "processed_events",
                newName: "ix_processed_events_consumer_source");

            migrationBuilder.RenameIndex(
                name: "IX_ombudsman_referrals_case_id",
                schema: "reporting",
                table: "ombudsman_referrals",
                newName: "ix_ombudsman_referrals_case_id");

            migrationBuilder.RenameIndex(
                name: "IX_counters_basis_grain_metric_month",
                schema: "reporting",
                table: "counters",
                newName: "ix_counters_basis_grain_metric_month");

            migrationBuilder.RenameIndex(
                name: "IX_api_keys_hash",
                schema: "reporting",
                table: "api_keys",
                newName: "ix_api_keys_hash");

            // Names only. EF would drop and re-create each key, rebuilding its index and re-checking each
            // foreign key; renaming the constraint (and with it the key's index) touches no row.
            migrationBuilder.Sql("""ALTER TABLE "reporting"."api_keys" RENAME CONSTRAINT "PK_api_keys" TO "pk_api_keys";""");
            migrationBuilder.Sql("""ALTER TABLE "reporting"."benchmark_figures" RENAME CONSTRAINT "PK_benchmark_figures" TO "pk_benchmark_figures";""");
            migrationBuilder.Sql("""ALTER TABLE "reporting"."case_facts" RENAME CONSTRAINT "PK_case_facts" TO "pk_case_facts";""");
            migrationBuilder.Sql("""ALTER TABLE "reporting"."compliment_facts" RENAME CONSTRAINT "PK_compliment_facts" TO "pk_compliment_facts";""");
            migrationBuilder.Sql("""ALTER TABLE "reporting"."contact_facts" RENAME CONSTRAINT "PK_contact_facts" TO "pk_contact_facts";""");
            migrationBuilder.Sql("""ALTER TABLE "reporting"."council" RENAME CONSTRAINT "PK_council" TO "pk_council";""");
            migrationBuilder.Sql("""ALTER TABLE "reporting"."counters" RENAME CONSTRAINT "PK_counters" TO "pk_counters";""");
            migrationBuilder.Sql("""ALTER TABLE "reporting"."directory" RENAME CONSTRAINT "PK_directory" TO "pk_directory";""");
            migrationBuilder.Sql("""ALTER TABLE "reporting"."feed_checkpoints" RENAME CONSTRAINT "PK_feed_checkpoints" TO "pk_feed_checkpoints";""");
            migrationBuilder.Sql("""ALTER TABLE "reporting"."ombudsman_referrals" RENAME CONSTRAINT "PK_ombudsman_referrals" TO "pk_ombudsman_referrals";""");
            migrationBuilder.Sql("""ALTER TABLE "reporting"."policy_conformance" RENAME CONSTRAINT "PK_policy_conformance" TO "pk_policy_conformance";""");
            migrationBuilder.Sql("""ALTER TABLE "reporting"."processed_events" RENAME CONSTRAINT "PK_processed_events" TO "pk_processed_events";""");
            migrationBuilder.Sql("""ALTER TABLE "reporting"."read_model_state" RENAME CONSTRAINT "PK_read_model_state" TO "pk_read_model_state";""");
            migrationBuilder.Sql("""ALTER TABLE "reporting"."self_assessment" RENAME CONSTRAINT "PK_self_assessment" TO "pk_self_assessment";""");
            migrationBuilder.Sql("""ALTER TABLE "reporting"."self_assessment_changes" RENAME CONSTRAINT "PK_self_assessment_changes" TO "pk_self_assessment_changes";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameIndex(
                name: "ix_self_assessment_changes_year_paragraph",
                schema: "reporting",
                table: "self_assessment_changes",
                newName: "IX_self_assessment_changes_year_paragraph");

            migrationBuilder.RenameIndex(
                name: "ix_processed_events_consumer_source",
                schema: "reporting",
                table: "processed_events",
                newName: "IX_processed_events_consumer_source");

            migrationBuilder.RenameIndex(
                name: "ix_ombudsman_referrals_case_id",
                schema: "reporting",
                table: "ombudsman_referrals",
                newName: "IX_ombudsman_referrals_case_id");

            migrationBuilder.RenameIndex(
                name: "ix_counters_basis_grain_metric_month",
                schema: "reporting",
                table: "counters",
                newName: "IX_counters_basis_grain_metric_month");

            migrationBuilder.RenameIndex(
                name: "ix_api_keys_hash",
                schema: "reporting",
                table: "api_keys",
                newName: "IX_api_keys_hash");

            migrationBuilder.Sql("""ALTER TABLE "reporting"."api_keys" RENAME CONSTRAINT "pk_api_keys" TO "PK_api_keys";""");
            migrationBuilder.Sql("""ALTER TABLE "reporting"."benchmark_figures" RENAME CONSTRAINT "pk_benchmark_figures" TO "PK_benchmark_figures";""");
            migrationBuilder.Sql("""ALTER TABLE "reporting"."case_facts" RENAME CONSTRAINT "pk_case_facts" TO "PK_case_facts";""");
            migrationBuilder.Sql("""ALTER TABLE "reporting"."compliment_facts" RENAME CONSTRAINT "pk_compliment_facts" TO "PK_compliment_facts";""");
            migrationBuilder.Sql("""ALTER TABLE "reporting"."contact_facts" RENAME CONSTRAINT "pk_contact_facts" TO "PK_contact_facts";""");
            migrationBuilder.Sql("""ALTER TABLE "reporting"."council" RENAME CONSTRAINT "pk_council" TO "PK_council";""");
            migrationBuilder.Sql("""ALTER TABLE "reporting"."counters" RENAME CONSTRAINT "pk_counters" TO "PK_counters";""");
            migrationBuilder.Sql("""ALTER TABLE "reporting"."directory" RENAME CONSTRAINT "pk_directory" TO "PK_directory";""");
            migrationBuilder.Sql("""ALTER TABLE "reporting"."feed_checkpoints" RENAME CONSTRAINT "pk_feed_checkpoints" TO "PK_feed_checkpoints";""");
            migrationBuilder.Sql("""ALTER TABLE "reporting"."ombudsman_referrals" RENAME CONSTRAINT "pk_ombudsman_referrals" TO "PK_ombudsman_referrals";""");
            migrationBuilder.Sql("""ALTER TABLE "reporting"."policy_conformance" RENAME CONSTRAINT "pk_policy_conformance" TO "PK_policy_conformance";""");
            migrationBuilder.Sql("""ALTER TABLE "reporting"."processed_events" RENAME CONSTRAINT "pk_processed_events" TO "PK_processed_events";""");
            migrationBuilder.Sql("""ALTER TABLE "reporting"."read_model_state" RENAME CONSTRAINT "pk_read_model_state" TO "PK_read_model_state";""");
            migrationBuilder.Sql("""ALTER TABLE "reporting"."self_assessment" RENAME CONSTRAINT "pk_self_assessment" TO "PK_self_assessment";""");
            migrationBuilder.Sql("""ALTER TABLE "reporting"."self_assessment_changes" RENAME CONSTRAINT "pk_self_assessment_changes" TO "PK_self_assessment_changes";""");
        }
    }
}
