using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ComplaintsPlatform.Compliments.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReadAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "read_audit",
                schema: "compliments",
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

            migrationBuilder.CreateIndex(
                name: "ix_read_audit_at",
                schema: "compliments",
                table: "read_audit",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_read_audit_case_id",
                schema: "compliments",
                table: "read_audit",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_read_audit_officer_id",
                schema: "compliments",
                table: "read_audit",
                column: "officer_id");

            migrationBuilder.CreateIndex(
                name: "ix_read_audit_person_id",
                schema: "compliments",
                table: "read_audit",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_read_audit_record_id",
                schema: "compliments",
                table: "read_audit",
                column: "record_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "read_audit",
                schema: "compliments");
        }
    }
}
