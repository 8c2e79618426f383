using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintsPlatform.Intake.Data.Migrations
{
    /// <summary>The council's calendar settings (defaults until the next CouncilConfigurationChanged).</summary>
    public partial class CouncilCalendarSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "close_of_business",
                schema: "intake",
                table: "configuration_state",
                type: "text",
                nullable: false,
                defaultValue: "17:00");

            migrationBuilder.AddColumn<DateOnly[]>(
                name: "closure_days",
                schema: "intake",
                table: "configuration_state",
                type: "date[]",
                nullable: false,
                defaultValue: new DateOnly[0]);

            migrationBuilder.AddColumn<string>(
                name: "division",
                schema: "intake",
                table: "configuration_state",
                type: "text",
                nullable: false,
                defaultValue: "england-and-wales");

            migrationBuilder.AddColumn<string>(
                name: "time_zone",
                schema: "intake",
                table: "configuration_state",
                type: "text",
                nullable: false,
                defaultValue: "Europe/London");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "close_of_business",
                schema: "intake",
                table: "configuration_state");

            migrationBuilder.DropColumn(
                name: "closure_days",
                schema: "intake",
                table: "configuration_state");

            migrationBuilder.DropColumn(
                name: "division",
                schema: "intake",
                table: "configuration_state");

            migrationBuilder.DropColumn(
                name: "time_zone",
                schema: "intake",
                table: "configuration_state");
        }
    }
}
