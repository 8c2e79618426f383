using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ComplaintsPlatform.CaseWorkflow.Data.Migrations
{
    /// <inheritdoc />
    public partial class Retention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "anonymised_at",
                schema: "caseworkflow",
                table: "correspondence_requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "anonymised_at",
                schema: "caseworkflow",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "closed_on",
                schema: "caseworkflow",
                table: "cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "person_id",
                schema: "caseworkflow",
                table: "cases",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            // Cases saved before this version: the person from the document, and a closed case's closing day
            // as the last day in its history (documents now keep closedOn themselves).
            migrationBuilder.Sql("""
                UPDATE caseworkflow.cases SET person_id = NULLIF(document->>'personId', '');
                UPDATE caseworkflow.cases SET closed_on = COALESCE(
                    (document->>'closedOn')::date,
                    (SELECT max((f->>'occurredOn')::date) FROM jsonb_array_elements(document->'facts') f))
                WHERE status = 3;
                """);

            migrationBuilder.CreateTable(
                name: "data_requests",
                schema: "caseworkflow",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    person_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    decision = table.Column<int>(type: "integer", nullable: false),
                    decision_reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_requests", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "legal_holds",
                schema: "caseworkflow",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    case_reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    placed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    placed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    released_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    released_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    release_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_legal_holds", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "retention_run_items",
                schema: "caseworkflow",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    action = table.Column<int>(type: "integer", nullable: false),
                    record_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_retention_run_items", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "retention_runs",
                schema: "caseworkflow",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    trigger = table.Column<int>(type: "integer", nullable: false),
                    as_of = table.Column<DateOnly>(type: "date", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    requested_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    configuration_version = table.Column<int>(type: "integer", nullable: false),
                    erasure_request_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    counts = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_retention_runs", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_requests_case_id",
                schema: "caseworkflow",
                table: "correspondence_requests",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_cases_person_id",
                schema: "caseworkflow",
                table: "cases",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_cases_retention_due",
                schema: "caseworkflow",
                table: "cases",
                column: "closed_on",
                filter: "anonymised_at IS NULL AND closed_on IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_data_requests_recorded_at",
                schema: "caseworkflow",
                table: "data_requests",
                column: "recorded_at");

            migrationBuilder.CreateIndex(
                name: "ix_retention_run_items_run_id",
                schema: "caseworkflow",
                table: "retention_run_items",
                column: "run_id");

            migrationBuilder.CreateIndex(
                name: "ix_retention_runs_started_at",
                schema: "caseworkflow",
                table: "retention_runs",
                column: "started_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "data_requests",
                schema: "caseworkflow");

            migrationBuilder.DropTable(
                name: "legal_holds",
                schema: "caseworkflow");

            migrationBuilder.DropTable(
                name: "retention_run_items",
                schema: "caseworkflow");

            migrationBuilder.DropTable(
                name: "retention_runs",
                schema: "caseworkflow");

            migrationBuilder.DropIndex(
                name: "ix_correspondence_requests_case_id",
                schema: "caseworkflow",
                table: "correspondence_requests");

            migrationBuilder.DropIndex(
                name: "ix_cases_person_id",
                schema: "caseworkflow",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_retention_due",
                schema: "caseworkflow",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "anonymised_at",
                schema: "caseworkflow",
                table: "correspondence_requests");

            migrationBuilder.DropColumn(
                name: "anonymised_at",
                schema: "caseworkflow",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "closed_on",
                schema: "caseworkflow",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "person_id",
                schema: "caseworkflow",
                table: "cases");
        }
    }
}
