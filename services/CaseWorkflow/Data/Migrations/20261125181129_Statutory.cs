using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintsPlatform.CaseWorkflow.Data.Migrations
{
    /// <inheritdoc />
    public partial class Statutory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "next_reminder_on",
                schema: "caseworkflow",
                table: "cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "safeguarding_concern",
                schema: "caseworkflow",
                table: "cases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Deadlines stored before this migration carry no reminder day, so their first reminder falls
            // on the due date itself: exactly the case's next deadline (Case.NextReminderOn).
            migrationBuilder.Sql("UPDATE caseworkflow.cases SET next_reminder_on = next_deadline WHERE next_deadline IS NOT NULL;");

            migrationBuilder.CreateTable(
                name: "officer_time",
                schema: "caseworkflow",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    stage = table.Column<int>(type: "integer", nullable: false),
                    directorate_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    service_area_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    officer_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    minutes = table.Column<int>(type: "integer", nullable: false),
                    activity_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    worked_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_officer_time", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reminders",
                schema: "caseworkflow",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    stage = table.Column<int>(type: "integer", nullable: false),
                    clock = table.Column<int>(type: "integer", nullable: false),
                    due = table.Column<DateOnly>(type: "date", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    officer_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reminders", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cases_next_reminder_on_id",
                schema: "caseworkflow",
                table: "cases",
                columns: new[] { "next_reminder_on", "id" },
                filter: "next_reminder_on IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_cases_safeguarding_next_deadline",
                schema: "caseworkflow",
                table: "cases",
                columns: new[] { "next_deadline", "id" },
                filter: "safeguarding_concern");

            migrationBuilder.CreateIndex(
                name: "IX_officer_time_case_id_worked_on",
                schema: "caseworkflow",
                table: "officer_time",
                columns: new[] { "case_id", "worked_on" });

            migrationBuilder.CreateIndex(
                name: "IX_officer_time_service_area_id_worked_on",
                schema: "caseworkflow",
                table: "officer_time",
                columns: new[] { "service_area_id", "worked_on" });

            migrationBuilder.CreateIndex(
                name: "IX_reminders_case_id_stage_clock_due_kind",
                schema: "caseworkflow",
                table: "reminders",
                columns: new[] { "case_id", "stage", "clock", "due", "kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reminders_officer_id_created_at",
                schema: "caseworkflow",
                table: "reminders",
                columns: new[] { "officer_id", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "officer_time",
                schema: "caseworkflow");

            migrationBuilder.DropTable(
                name: "reminders",
                schema: "caseworkflow");

            migrationBuilder.DropIndex(
                name: "IX_cases_next_reminder_on_id",
                schema: "caseworkflow",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "IX_cases_safeguarding_next_deadline",
                schema: "caseworkflow",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "next_reminder_on",
                schema: "caseworkflow",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "safeguarding_concern",
                schema: "caseworkflow",
                table: "cases");
        }
    }
}
