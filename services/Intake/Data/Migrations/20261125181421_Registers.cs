using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintsPlatform.Intake.Data.Migrations
{
    /// <inheritdoc />
    public partial class Registers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "person_adjustments",
                schema: "intake",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    category = table.Column<int>(type: "integer", nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    from_date = table.Column<DateOnly>(type: "date", nullable: false),
                    next_review_on = table.Column<DateOnly>(type: "date", nullable: false),
                    agreed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by = table.Column<string>(type: "text", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_person_adjustments", x => x.id);
                    table.ForeignKey(
                        name: "FK_person_adjustments_persons_person_id",
                        column: x => x.person_id,
                        principalSchema: "intake",
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "person_restrictions",
                schema: "intake",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "text", nullable: false),
                    details = table.Column<string>(type: "text", nullable: true),
                    start_on = table.Column<DateOnly>(type: "date", nullable: false),
                    next_review_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_by = table.Column<string>(type: "text", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    letter_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_person_restrictions", x => x.id);
                    table.ForeignKey(
                        name: "FK_person_restrictions_persons_person_id",
                        column: x => x.person_id,
                        principalSchema: "intake",
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "register_reviews",
                schema: "intake",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    record_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reviewed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    outcome = table.Column<int>(type: "integer", nullable: false),
                    next_review_on = table.Column<DateOnly>(type: "date", nullable: true),
                    notes = table.Column<string>(type: "text", nullable: true),
                    reviewed_by = table.Column<string>(type: "text", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_register_reviews", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "restriction_screenings",
                schema: "intake",
                columns: table => new
                {
                    contact_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    restriction_codes = table.Column<string[]>(type: "text[]", nullable: false),
                    flagged_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_restriction_screenings", x => x.contact_id);
                    table.ForeignKey(
                        name: "FK_restriction_screenings_contacts_contact_id",
                        column: x => x.contact_id,
                        principalSchema: "intake",
                        principalTable: "contacts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_person_adjustments_due",
                schema: "intake",
                table: "person_adjustments",
                column: "next_review_on",
                filter: "ended_on IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_person_adjustments_person_id",
                schema: "intake",
                table: "person_adjustments",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_person_restrictions_active",
                schema: "intake",
                table: "person_restrictions",
                column: "person_id",
                filter: "ended_on IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_person_restrictions_due",
                schema: "intake",
                table: "person_restrictions",
                column: "next_review_on",
                filter: "ended_on IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_register_reviews_record_id",
                schema: "intake",
                table: "register_reviews",
                column: "record_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "person_adjustments",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "person_restrictions",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "register_reviews",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "restriction_screenings",
                schema: "intake");
        }
    }
}
