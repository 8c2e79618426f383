using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintsPlatform.Reporting.Data.Migrations
{
    /// <summary>The council's calendar settings (defaults until the next CouncilConfigurationChanged).</summary>
    public partial class CouncilCalendarSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "close_of_business",
                schema: "reporting",
                table: "council",
                type: "character varying(5)",
                maxLength: 5,
                nullable: false,
                defaultValue: "17:00");

            migrationBuilder.AddColumn<List<DateOnly>>(
                name: "closure_days",
                schema: "reporting",
                table: "council",
                type: "date[]",
                nullable: false,
                defaultValueSql: "'{}'::date[]");

            migrationBuilder.AddColumn<string>(
                name: "division",
                schema: "reporting",
                table: "council",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "england-and-wales");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "close_of_business",
                schema: "reporting",
                table: "council");

            migrationBuilder.DropColumn(
                name: "closure_days",
                schema: "reporting",
                table: "council");

            migrationBuilder.DropColumn(
                name: "division",
                schema: "reporting",
                table: "council");
        }
    }
}
