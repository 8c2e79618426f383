using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ComplaintsPlatform.Compliments.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "compliments");

            migrationBuilder.CreateTable(
                name: "compliments",
                schema: "compliments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    contact_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    contact_reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    person_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    service_area_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    team_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    officer_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    channel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    giver = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    words = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    consent_to_quote = table.Column<bool>(type: "boolean", nullable: false),
                    quotable_text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    consent_changed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    consent_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    sent_back_reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    sent_back_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    sent_back_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_compliments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "council",
                schema: "compliments",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    configuration_version = table.Column<int>(type: "integer", nullable: false),
                    time_zone = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_council", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "feed_checkpoints",
                schema: "compliments",
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
                name: "officers",
                schema: "compliments",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    current = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_officers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_events",
                schema: "compliments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    payload = table.Column<byte[]>(type: "bytea", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    transaction_id = table.Column<ulong>(type: "xid8", nullable: false, defaultValueSql: "pg_current_xact_id()"),
                    position = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "processed_events",
                schema: "compliments",
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
                name: "service_areas",
                schema: "compliments",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    directorate_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    current = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_areas", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "teams",
                schema: "compliments",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    service_area_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    current = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_teams", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_compliments_contact_id",
                schema: "compliments",
                table: "compliments",
                column: "contact_id",
                unique: true,
                filter: "contact_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_compliments_officer_id",
                schema: "compliments",
                table: "compliments",
                column: "officer_id");

            migrationBuilder.CreateIndex(
                name: "IX_compliments_recorded_by",
                schema: "compliments",
                table: "compliments",
                column: "recorded_by");

            migrationBuilder.CreateIndex(
                name: "IX_compliments_service_area_id_received_on",
                schema: "compliments",
                table: "compliments",
                columns: new[] { "service_area_id", "received_on" });

            migrationBuilder.CreateIndex(
                name: "IX_compliments_team_id",
                schema: "compliments",
                table: "compliments",
                column: "team_id");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_events_event_id",
                schema: "compliments",
                table: "outbox_events",
                column: "event_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_events_position",
                schema: "compliments",
                table: "outbox_events",
                column: "position",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_events_unsequenced",
                schema: "compliments",
                table: "outbox_events",
                columns: new[] { "transaction_id", "id" },
                filter: "position IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_processed_events_consumer_source",
                schema: "compliments",
                table: "processed_events",
                columns: new[] { "consumer", "source" });

            migrationBuilder.CreateIndex(
                name: "IX_service_areas_directorate_id",
                schema: "compliments",
                table: "service_areas",
                column: "directorate_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "compliments",
                schema: "compliments");

            migrationBuilder.DropTable(
                name: "council",
                schema: "compliments");

            migrationBuilder.DropTable(
                name: "feed_checkpoints",
                schema: "compliments");

            migrationBuilder.DropTable(
                name: "officers",
                schema: "compliments");

            migrationBuilder.DropTable(
                name: "outbox_events",
                schema: "compliments");

            migrationBuilder.DropTable(
                name: "processed_events",
                schema: "compliments");

            migrationBuilder.DropTable(
                name: "service_areas",
                schema: "compliments");

            migrationBuilder.DropTable(
                name: "teams",
                schema: "compliments");
        }
    }
}
