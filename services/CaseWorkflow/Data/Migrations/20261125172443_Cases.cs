using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ComplaintsPlatform.CaseWorkflow.Data.Migrations
{
    /// <inheritdoc />
    public partial class Cases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_audit",
                schema: "caseworkflow",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    officer_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    role = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    action = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    allowed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_audit", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cases",
                schema: "caseworkflow",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    contact_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    stream = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    current_stage = table.Column<int>(type: "integer", nullable: false),
                    directorate_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    service_area_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    team_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    handler_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    next_deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    has_open_deadlines = table.Column<bool>(type: "boolean", nullable: false),
                    outstanding_remedies = table.Column<int>(type: "integer", nullable: false),
                    document = table.Column<string>(type: "jsonb", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "correspondence_requests",
                schema: "caseworkflow",
                columns: table => new
                {
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    template_code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    texts = table.Column<string>(type: "jsonb", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_correspondence_requests", x => x.request_id);
                });

            migrationBuilder.CreateTable(
                name: "triaged_contacts",
                schema: "caseworkflow",
                columns: table => new
                {
                    contact_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    person_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    decision = table.Column<int>(type: "integer", nullable: false),
                    stream = table.Column<int>(type: "integer", nullable: false),
                    service_area_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    triaged_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_triaged_contacts", x => x.contact_id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_case_audit_case_id_id",
                schema: "caseworkflow",
                table: "case_audit",
                columns: new[] { "case_id", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_case_audit_officer_id_id",
                schema: "caseworkflow",
                table: "case_audit",
                columns: new[] { "officer_id", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_contact_id",
                schema: "caseworkflow",
                table: "cases",
                column: "contact_id",
                unique: true,
                filter: "contact_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_cases_handler_id_next_deadline",
                schema: "caseworkflow",
                table: "cases",
                columns: new[] { "handler_id", "next_deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_has_open_deadlines",
                schema: "caseworkflow",
                table: "cases",
                column: "has_open_deadlines",
                filter: "has_open_deadlines");

            migrationBuilder.CreateIndex(
                name: "IX_cases_next_deadline_id",
                schema: "caseworkflow",
                table: "cases",
                columns: new[] { "next_deadline", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_reference",
                schema: "caseworkflow",
                table: "cases",
                column: "reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_team_id_next_deadline",
                schema: "caseworkflow",
                table: "cases",
                columns: new[] { "team_id", "next_deadline" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_audit",
                schema: "caseworkflow");

            migrationBuilder.DropTable(
                name: "cases",
                schema: "caseworkflow");

            migrationBuilder.DropTable(
                name: "correspondence_requests",
                schema: "caseworkflow");

            migrationBuilder.DropTable(
                name: "triaged_contacts",
                schema: "caseworkflow");
        }
    }
}
