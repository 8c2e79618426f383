using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ComplaintsPlatform.OmbudsmanLiaison.Data.Migrations
{
    /// <inheritdoc />
    public partial class Retention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "anonymised_at",
                schema: "ombudsman",
                table: "enquiries",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "anonymised_at",
                schema: "ombudsman",
                table: "correspondence",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "legal_holds_applied",
                schema: "ombudsman",
                columns: table => new
                {
                    hold_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    person_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    case_ids = table.Column<string[]>(type: "text[]", nullable: false),
                    contact_ids = table.Column<string[]>(type: "text[]", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_legal_holds_applied", x => x.hold_id);
                });

            migrationBuilder.CreateTable(
                name: "retention_rules",
                schema: "ombudsman",
                columns: table => new
                {
                    kind = table.Column<int>(type: "integer", nullable: false),
                    after = table.Column<int>(type: "integer", nullable: false),
                    months = table.Column<int>(type: "integer", nullable: false),
                    action = table.Column<int>(type: "integer", nullable: false),
                    configuration_version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_retention_rules", x => x.kind);
                });

            migrationBuilder.CreateTable(
                name: "retention_run_items",
                schema: "ombudsman",
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
                schema: "ombudsman",
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
                name: "ix_retention_run_items_run_id",
                schema: "ombudsman",
                table: "retention_run_items",
                column: "run_id");

            migrationBuilder.CreateIndex(
                name: "ix_retention_runs_started_at",
                schema: "ombudsman",
                table: "retention_runs",
                column: "started_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "legal_holds_applied",
                schema: "ombudsman");

            migrationBuilder.DropTable(
                name: "retention_rules",
                schema: "ombudsman");

            migrationBuilder.DropTable(
                name: "retention_run_items",
                schema: "ombudsman");

            migrationBuilder.DropTable(
                name: "retention_runs",
                schema: "ombudsman");

            migrationBuilder.DropColumn(
                name: "anonymised_at",
                schema: "ombudsman",
                table: "enquiries");

            migrationBuilder.DropColumn(
                name: "anonymised_at",
                schema: "ombudsman",
                table: "correspondence");
        }
    }
}
