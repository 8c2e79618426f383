using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ComplaintsPlatform.Intake.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "intake");

            migrationBuilder.CreateSequence(
                name: "contact_reference_seq",
                schema: "intake");

            migrationBuilder.CreateTable(
                name: "access_log",
                schema: "intake",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    contact_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject = table.Column<string>(type: "text", nullable: false),
                    action = table.Column<string>(type: "text", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_access_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "acknowledge_limits",
                schema: "intake",
                columns: table => new
                {
                    stream = table.Column<int>(type: "integer", nullable: false),
                    policy_version = table.Column<int>(type: "integer", nullable: false),
                    working_days = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_acknowledge_limits", x => x.stream);
                });

            migrationBuilder.CreateTable(
                name: "configuration_state",
                schema: "intake",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    applied_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_configuration_state", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "configured_lists",
                schema: "intake",
                columns: table => new
                {
                    list_name = table.Column<string>(type: "text", nullable: false),
                    code = table.Column<string>(type: "text", nullable: false),
                    label = table.Column<string>(type: "text", nullable: false),
                    retired = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_configured_lists", x => new { x.list_name, x.code });
                });

            migrationBuilder.CreateTable(
                name: "correspondence",
                schema: "intake",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<string>(type: "text", nullable: false),
                    contact_id = table.Column<Guid>(type: "uuid", nullable: true),
                    case_id = table.Column<string>(type: "text", nullable: true),
                    template_code = table.Column<string>(type: "text", nullable: false),
                    facts_json = table.Column<string>(type: "jsonb", nullable: false),
                    delivered_by = table.Column<string>(type: "text", nullable: false),
                    recipient_kind = table.Column<string>(type: "text", nullable: false),
                    recipient_name = table.Column<string>(type: "text", nullable: false),
                    recipient_address = table.Column<string[]>(type: "text[]", nullable: false),
                    reference = table.Column<string>(type: "text", nullable: true),
                    large_print = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    requested_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    within_deadline = table.Column<bool>(type: "boolean", nullable: true),
                    subject = table.Column<string>(type: "text", nullable: true),
                    media_type = table.Column<string>(type: "text", nullable: true),
                    document = table.Column<byte[]>(type: "bytea", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    last_error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_correspondence", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "equality_answers",
                schema: "intake",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    contact_kind = table.Column<int>(type: "integer", nullable: false),
                    age_band = table.Column<string>(type: "text", nullable: true),
                    sex = table.Column<string>(type: "text", nullable: true),
                    ethnicity = table.Column<string>(type: "text", nullable: true),
                    disability = table.Column<string>(type: "text", nullable: true),
                    religion = table.Column<string>(type: "text", nullable: true),
                    sexual_orientation = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_equality_answers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "feed_checkpoints",
                schema: "intake",
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
                schema: "intake",
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
                name: "persons",
                schema: "intake",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    match_key = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_persons", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "processed_events",
                schema: "intake",
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
                schema: "intake",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    directorate_id = table.Column<string>(type: "text", nullable: false),
                    notification_email = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_areas", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "teams",
                schema: "intake",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    service_area_id = table.Column<string>(type: "text", nullable: false),
                    email = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_teams", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "contacts",
                schema: "intake",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    client_request_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    request_fingerprint = table.Column<byte[]>(type: "bytea", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    channel = table.Column<int>(type: "integer", nullable: false),
                    received_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "text", nullable: true),
                    name = table.Column<string>(type: "text", nullable: false),
                    email = table.Column<string>(type: "text", nullable: true),
                    phone = table.Column<string>(type: "text", nullable: true),
                    address_lines = table.Column<string[]>(type: "text[]", nullable: false),
                    town = table.Column<string>(type: "text", nullable: true),
                    postcode = table.Column<string>(type: "text", nullable: true),
                    preferred_contact_method = table.Column<int>(type: "integer", nullable: false),
                    representative_name = table.Column<string>(type: "text", nullable: true),
                    representative_relationship = table.Column<string>(type: "text", nullable: true),
                    representative_email = table.Column<string>(type: "text", nullable: true),
                    representative_phone = table.Column<string>(type: "text", nullable: true),
                    representative_address_lines = table.Column<string[]>(type: "text[]", nullable: false),
                    representative_town = table.Column<string>(type: "text", nullable: true),
                    representative_postcode = table.Column<string>(type: "text", nullable: true),
                    representative_consent_scope = table.Column<int>(type: "integer", nullable: false),
                    representative_consent_given_on = table.Column<DateOnly>(type: "date", nullable: true),
                    adjustments = table.Column<int[]>(type: "integer[]", nullable: false),
                    adjustments_notes = table.Column<string>(type: "text", nullable: true),
                    description = table.Column<string>(type: "text", nullable: false),
                    happened_on = table.Column<DateOnly>(type: "date", nullable: true),
                    outcome_sought = table.Column<string>(type: "text", nullable: true),
                    service_area_id = table.Column<string>(type: "text", nullable: true),
                    status_token_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    member_enquiry = table.Column<bool>(type: "boolean", nullable: false),
                    possibly_out_of_time = table.Column<bool>(type: "boolean", nullable: false),
                    decision = table.Column<int>(type: "integer", nullable: false),
                    stream = table.Column<int>(type: "integer", nullable: false),
                    triaged_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contacts", x => x.id);
                    table.ForeignKey(
                        name: "FK_contacts_persons_person_id",
                        column: x => x.person_id,
                        principalSchema: "intake",
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "attachments",
                schema: "intake",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    contact_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "text", nullable: false),
                    content_type = table.Column<string>(type: "text", nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "text", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_attachments", x => x.id);
                    table.ForeignKey(
                        name: "FK_attachments_contacts_contact_id",
                        column: x => x.contact_id,
                        principalSchema: "intake",
                        principalTable: "contacts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "duplicate_flags",
                schema: "intake",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    contact_id = table.Column<Guid>(type: "uuid", nullable: false),
                    other_contact_id = table.Column<Guid>(type: "uuid", nullable: false),
                    similarity = table.Column<double>(type: "double precision", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    resolved_by = table.Column<string>(type: "text", nullable: true),
                    resolved_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_duplicate_flags", x => x.id);
                    table.ForeignKey(
                        name: "FK_duplicate_flags_contacts_contact_id",
                        column: x => x.contact_id,
                        principalSchema: "intake",
                        principalTable: "contacts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "triage_entries",
                schema: "intake",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    contact_id = table.Column<Guid>(type: "uuid", nullable: false),
                    decision = table.Column<int>(type: "integer", nullable: false),
                    stream = table.Column<int>(type: "integer", nullable: false),
                    reason_code = table.Column<string>(type: "text", nullable: true),
                    notes = table.Column<string>(type: "text", nullable: true),
                    out_of_time_accepted = table.Column<bool>(type: "boolean", nullable: false),
                    service_area_id = table.Column<string>(type: "text", nullable: true),
                    decided_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    decided_by = table.Column<string>(type: "text", nullable: false),
                    replaced_decision = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "text", nullable: true),
                    offered_to_complain = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_triage_entries", x => x.id);
                    table.ForeignKey(
                        name: "FK_triage_entries_contacts_contact_id",
                        column: x => x.contact_id,
                        principalSchema: "intake",
                        principalTable: "contacts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_access_log_contact_id",
                schema: "intake",
                table: "access_log",
                column: "contact_id");

            migrationBuilder.CreateIndex(
                name: "IX_attachments_contact_id",
                schema: "intake",
                table: "attachments",
                column: "contact_id");

            migrationBuilder.CreateIndex(
                name: "ix_contacts_client_request_id",
                schema: "intake",
                table: "contacts",
                column: "client_request_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_contacts_person_id_received_at",
                schema: "intake",
                table: "contacts",
                columns: new[] { "person_id", "received_at" });

            migrationBuilder.CreateIndex(
                name: "IX_contacts_reference",
                schema: "intake",
                table: "contacts",
                column: "reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_contacts_untriaged",
                schema: "intake",
                table: "contacts",
                column: "received_at",
                filter: "decision = 0");

            migrationBuilder.CreateIndex(
                name: "IX_correspondence_contact_id",
                schema: "intake",
                table: "correspondence",
                column: "contact_id");

            migrationBuilder.CreateIndex(
                name: "ix_correspondence_pending",
                schema: "intake",
                table: "correspondence",
                column: "next_attempt_at",
                filter: "status = 'PENDING'");

            migrationBuilder.CreateIndex(
                name: "IX_correspondence_request_id",
                schema: "intake",
                table: "correspondence",
                column: "request_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_duplicate_flags_contact_id_other_contact_id",
                schema: "intake",
                table: "duplicate_flags",
                columns: new[] { "contact_id", "other_contact_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_events_event_id",
                schema: "intake",
                table: "outbox_events",
                column: "event_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_events_position",
                schema: "intake",
                table: "outbox_events",
                column: "position",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_events_unsequenced",
                schema: "intake",
                table: "outbox_events",
                columns: new[] { "transaction_id", "id" },
                filter: "position IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_persons_match_key",
                schema: "intake",
                table: "persons",
                column: "match_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_processed_events_consumer_source",
                schema: "intake",
                table: "processed_events",
                columns: new[] { "consumer", "source" });

            migrationBuilder.CreateIndex(
                name: "IX_triage_entries_contact_id",
                schema: "intake",
                table: "triage_entries",
                column: "contact_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "access_log",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "acknowledge_limits",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "attachments",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "configuration_state",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "configured_lists",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "correspondence",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "duplicate_flags",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "equality_answers",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "feed_checkpoints",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "outbox_events",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "processed_events",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "service_areas",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "teams",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "triage_entries",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "contacts",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "persons",
                schema: "intake");

            migrationBuilder.DropSequence(
                name: "contact_reference_seq",
                schema: "intake");
        }
    }
}
