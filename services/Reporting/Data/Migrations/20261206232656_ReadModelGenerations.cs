using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintsPlatform.Reporting.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReadModelGenerations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "building",
                schema: "reporting",
                table: "read_model_state",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "retired",
                schema: "reporting",
                table: "read_model_state",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "serving",
                schema: "reporting",
                table: "read_model_state",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "switched_at",
                schema: "reporting",
                table: "read_model_state",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "building",
                schema: "reporting",
                table: "read_model_state");

            migrationBuilder.DropColumn(
                name: "retired",
                schema: "reporting",
                table: "read_model_state");

            migrationBuilder.DropColumn(
                name: "serving",
                schema: "reporting",
                table: "read_model_state");

            migrationBuilder.DropColumn(
                name: "switched_at",
                schema: "reporting",
                table: "read_model_state");
        }
    }
}
