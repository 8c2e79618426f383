using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintsPlatform.Reporting.Data.Migrations
{
    /// <inheritdoc />
    public partial class ApiKeyExpiryAndLastUse : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "expires_at",
                schema: "reporting",
                table: "api_keys",
                type: "timestamp with time zone",
                nullable: true);

            // Keys issued before keys expired live a year from their issue, like a new key.
            migrationBuilder.Sql("UPDATE reporting.api_keys SET expires_at = issued_at + interval '1 year';");

            migrationBuilder.AlterColumn<DateTime>(
                name: "expires_at",
                schema: "reporting",
                table: "api_keys",
                type: "timestamp with time zone",
                nullable: false,
                oldClrType: typeof(DateTime),
                oldType: "timestamp with time zone",
                oldNullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "last_used_at",
                schema: "reporting",
                table: "api_keys",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "expires_at",
                schema: "reporting",
                table: "api_keys");

            migrationBuilder.DropColumn(
                name: "last_used_at",
                schema: "reporting",
                table: "api_keys");
        }
    }
}
