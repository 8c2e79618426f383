using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ComplaintsPlatform.OmbudsmanLiaison.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "ombudsman");

            migrationBuilder.CreateTable(
                name: "benchmark_figures",
                schema: "ombudsman",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    ombudsman = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    document = table.Column<string>(type: "jsonb", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_benchmark_figures", x => new { x.year, x.ombudsman });
                });

            migrationBuilder.CreateTable(
                name: "council_settings",
                schema: "ombudsman",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    division = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    time_zone = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    close_of_business = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    closure_days = table.Column<List<DateOnly>>(type: "date[]", nullable: false),
                    calendar_version = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    configuration_version = table.Column<int>(type: "integer", nullable: false),
                    directorate_ids = table.Column<List<string>>(type: "text[]", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_council_settings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "enquiries",
                schema: "ombudsman",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    ombudsman = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ombudsman_reference = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    directorate_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    case_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    case_reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    predates_platform = table.Column<bool>(type: "boolean", nullable: false),
                    pre_allocation = table.Column<bool>(type: "boolean", nullable: false),
                    summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    draft_received_on = table.Column<DateOnly>(type: "date", nullable: true),
                    comments_due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    comments_sent_on = table.Column<DateOnly>(type: "date", nullable: true),
                    decision = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: true),
                    closure_reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    injustice = table.Column<bool>(type: "boolean", nullable: true),
                    satisfactory_remedy = table.Column<bool>(type: "boolean", nullable: false),
                    decision_note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    report_issued_on = table.Column<DateOnly>(type: "date", nullable: true),
                    public_notice_due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    report_available_until = table.Column<DateOnly>(type: "date", nullable: true),
                    report_response_due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    public_notice_given_on = table.Column<DateOnly>(type: "date", nullable: true),
                    report_response_sent_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enquiries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "feed_checkpoints",
                schema: "ombudsman",
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
                name: "outbox_events",
                schema: "ombudsman",
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
                schema: "ombudsman",
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
                name: "reminder_queue",
                schema: "ombudsman",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enquiry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    queued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reminder_queue", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "correspondence",
                schema: "ombudsman",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enquiry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    direction = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    occurred_on = table.Column<DateOnly>(type: "date", nullable: false),
                    summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    document_content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    document_file_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    document_reference = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    document_size_bytes = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_correspondence", x => x.id);
                    table.ForeignKey(
                        name: "FK_correspondence_enquiries_enquiry_id",
                        column: x => x.enquiry_id,
                        principalSchema: "ombudsman",
                        principalTable: "enquiries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "information_requests",
                schema: "ombudsman",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enquiry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_on = table.Column<DateOnly>(type: "date", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    working_days = table.Column<int>(type: "integer", nullable: false),
                    calendar_version = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    replied_on = table.Column<DateOnly>(type: "date", nullable: true),
                    late = table.Column<bool>(type: "boolean", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_information_requests", x => x.id);
                    table.ForeignKey(
                        name: "FK_information_requests_enquiries_enquiry_id",
                        column: x => x.enquiry_id,
                        principalSchema: "ombudsman",
                        principalTable: "enquiries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "recommendations",
                schema: "ombudsman",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enquiry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    amount_pence = table.Column<long>(type: "bigint", nullable: false),
                    agreed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    completed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    evidence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    late = table.Column<bool>(type: "boolean", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    evidence_document_content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    evidence_document_file_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    evidence_document_reference = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    evidence_document_size_bytes = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recommendations", x => x.id);
                    table.ForeignKey(
                        name: "FK_recommendations_enquiries_enquiry_id",
                        column: x => x.enquiry_id,
                        principalSchema: "ombudsman",
                        principalTable: "enquiries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_correspondence_enquiry_id",
                schema: "ombudsman",
                table: "correspondence",
                column: "enquiry_id");

            migrationBuilder.CreateIndex(
                name: "IX_enquiries_case_reference",
                schema: "ombudsman",
                table: "enquiries",
                column: "case_reference");

            migrationBuilder.CreateIndex(
                name: "IX_enquiries_ombudsman_ombudsman_reference",
                schema: "ombudsman",
                table: "enquiries",
                columns: new[] { "ombudsman", "ombudsman_reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_information_requests_enquiry_id",
                schema: "ombudsman",
                table: "information_requests",
                column: "enquiry_id");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_events_event_id",
                schema: "ombudsman",
                table: "outbox_events",
                column: "event_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_events_position",
                schema: "ombudsman",
                table: "outbox_events",
                column: "position",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_events_unsequenced",
                schema: "ombudsman",
                table: "outbox_events",
                columns: new[] { "transaction_id", "id" },
                filter: "position IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_processed_events_consumer_source",
                schema: "ombudsman",
                table: "processed_events",
                columns: new[] { "consumer", "source" });

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_enquiry_id",
                schema: "ombudsman",
                table: "recommendations",
                column: "enquiry_id");

            migrationBuilder.CreateIndex(
                name: "IX_reminder_queue_kind_subject_id_due_on",
                schema: "ombudsman",
                table: "reminder_queue",
                columns: new[] { "kind", "subject_id", "due_on" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "benchmark_figures",
                schema: "ombudsman");

            migrationBuilder.DropTable(
                name: "correspondence",
                schema: "ombudsman");

            migrationBuilder.DropTable(
                name: "council_settings",
                schema: "ombudsman");

            migrationBuilder.DropTable(
                name: "feed_checkpoints",
                schema: "ombudsman");

            migrationBuilder.DropTable(
                name: "information_requests",
                schema: "ombudsman");

            migrationBuilder.DropTable(
                name: "outbox_events",
                schema: "ombudsman");

            migrationBuilder.DropTable(
                name: "processed_events",
                schema: "ombudsman");

            migrationBuilder.DropTable(
                name: "recommendations",
                schema: "ombudsman");

            migrationBuilder.DropTable(
                name: "reminder_queue",
                schema: "ombudsman");

            migrationBuilder.DropTable(
                name: "enquiries",
                schema: "ombudsman");
        }
    }
}
