using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintsPlatform.Intake.Data.Migrations
{
    /// <inheritdoc />
    public partial class PublicRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "directorate_name",
                schema: "intake",
                table: "service_areas",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "name",
                schema: "intake",
                table: "service_areas",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "council_name",
                schema: "intake",
                table: "configuration_state",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "public_requests",
                schema: "intake",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    contact_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_request_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    received_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    case_id = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_public_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_public_requests_contacts_contact_id",
                        column: x => x.contact_id,
                        principalSchema: "intake",
                        principalTable: "contacts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_public_requests_client_request_id",
                schema: "intake",
                table: "public_requests",
                column: "client_request_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_public_requests_contact_id",
                schema: "intake",
                table: "public_requests",
                column: "contact_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "public_requests",
                schema: "intake");

            migrationBuilder.DropColumn(
                name: "directorate_name",
                schema: "intake",
                table: "service_areas");

            migrationBuilder.DropColumn(
                name: "name",
                schema: "intake",
                table: "service_areas");

            migrationBuilder.DropColumn(
                name: "council_name",
                schema: "intake",
                table: "configuration_state");
        }
    }
}
