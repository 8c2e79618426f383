using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintsPlatform.Reporting.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "reporting");

            migrationBuilder.CreateTable(
                name: "api_keys",
                schema: "reporting",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    issued_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    issued_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    revoked_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_api_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "case_facts",
                schema: "reporting",
                columns: table => new
                {
                    case_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    service_area_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    team_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    stream = table.Column<short>(type: "smallint", nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    stage_started_on = table.Column<DateOnly>(type: "date", nullable: false),
                    fault_found_on = table.Column<DateOnly>(type: "date", nullable: true),
                    has_lesson = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_facts", x => x.case_id);
                });

            migrationBuilder.CreateTable(
                name: "compliment_facts",
                schema: "reporting",
                columns: table => new
                {
                    compliment_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    service_area_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    team_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    channel = table.Column<short>(type: "smallint", nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    counted = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_compliment_facts", x => x.compliment_id);
                });

            migrationBuilder.CreateTable(
                name: "contact_facts",
                schema: "reporting",
                columns: table => new
                {
                    contact_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<short>(type: "smallint", nullable: false),
                    channel = table.Column<short>(type: "smallint", nullable: false),
                    service_area_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    decision = table.Column<short>(type: "smallint", nullable: false),
                    triaged_on = table.Column<DateOnly>(type: "date", nullable: true),
                    member = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contact_facts", x => x.contact_id);
                });

            migrationBuilder.CreateTable(
                name: "council",
                schema: "reporting",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    time_zone = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_council", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "counters",
                schema: "reporting",
                columns: table => new
                {
                    metric = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    basis = table.Column<short>(type: "smallint", nullable: false),
                    grain = table.Column<short>(type: "smallint", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    service_area_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    directorate_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    team_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    stream = table.Column<short>(type: "smallint", nullable: false),
                    stage = table.Column<short>(type: "smallint", nullable: false),
                    channel = table.Column<short>(type: "smallint", nullable: false),
                    kind = table.Column<short>(type: "smallint", nullable: false),
                    code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    count = table.Column<long>(type: "bigint", nullable: false),
                    amount = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_counters", x => new { x.metric, x.basis, x.grain, x.month, x.service_area_id, x.directorate_id, x.team_id, x.stream, x.stage, x.channel, x.kind, x.code });
                });

            migrationBuilder.CreateTable(
                name: "directory",
                schema: "reporting",
                columns: table => new
                {
                    kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    parent_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_directory", x => new { x.kind, x.id });
                });

            migrationBuilder.CreateTable(
                name: "feed_checkpoints",
                schema: "reporting",
                columns: table => new
                {
                    consumer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    position = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feed_checkpoints", x => new { x.consumer, x.source });
                });

            migrationBuilder.CreateTable(
                name: "processed_events",
                schema: "reporting",
                columns: table => new
                {
                    consumer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    position = table.Column<long>(type: "bigint", nullable: false),
                    processed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_processed_events", x => new { x.consumer, x.event_id });
                });

            migrationBuilder.CreateTable(
                name: "read_model_state",
                schema: "reporting",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    generation = table.Column<int>(type: "integer", nullable: false),
                    rebuilt_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_read_model_state", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_api_keys_hash",
                schema: "reporting",
                table: "api_keys",
                column: "hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_counters_basis_grain_metric_month",
                schema: "reporting",
                table: "counters",
                columns: new[] { "basis", "grain", "metric", "month" });

            migrationBuilder.CreateIndex(
                name: "IX_processed_events_consumer_source",
                schema: "reporting",
                table: "processed_events",
                columns: new[] { "consumer", "source" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "api_keys",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "case_facts",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "compliment_facts",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "contact_facts",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "council",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "counters",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "directory",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "feed_checkpoints",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "processed_events",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "read_model_state",
                schema: "reporting");
        }
    }
}
