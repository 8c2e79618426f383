using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintsPlatform.CaseWorkflow.Data.Migrations
{
    /// <inheritdoc />
    public partial class PersonFlags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "person_flags",
                schema: "caseworkflow",
                columns: table => new
                {
                    person_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    adjustment_codes = table.Column<List<string>>(type: "text[]", nullable: false),
                    restrictions = table.Column<string>(type: "jsonb", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_person_flags", x => x.person_id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "person_flags",
                schema: "caseworkflow");
        }
    }
}
