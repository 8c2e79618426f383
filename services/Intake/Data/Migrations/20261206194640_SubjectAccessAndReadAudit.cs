using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ComplaintsPlatform.Intake.Data.Migrations
{
    /// <inheritdoc />
    public partial class SubjectAccessAndReadAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "read_audit",
                schema: "intake",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    officer_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    role = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    action = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    record_kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    record_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    person_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    case_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    allowed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_read_audit", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "subject_access_requests",
                schema: "intake",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    opened_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    opened_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    built_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    built_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    counts = table.Column<string>(type: "jsonb", nullable: false),
                    flagged_fields = table.Column<int>(type: "integer", nullable: false),
                    sent_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    sent_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subject_access_requests", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_read_audit_at",
                schema: "intake",
                table: "read_audit",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_read_audit_case_id",
                schema: "intake",
                table: "read_audit",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_read_audit_officer_id",
                schema: "intake",
                table: "read_audit",
                column: "officer_id");

            migrationBuilder.CreateIndex(
                name: "ix_read_audit_person_id",
                schema: "intake",
                table: "read_audit",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_read_audit_record_id",
                schema: "intake",
                table: "read_audit",
                column: "record_id");

            migrationBuilder.CreateIndex(
                name: "ix_subject_access_requests_opened_at",
                schema: "intake",
                table: "subject_access_requests",
                column: "opened_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "read_audit",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "subject_access_requests",
                schema: "intake");
        }
    }
}
