using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintsPlatform.Reporting.Data.Migrations
{
    /// <inheritdoc />
    public partial class PublishedTables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<short>(
                name: "reporting_year",
                schema: "reporting",
                table: "council",
                type: "smallint",
                nullable: false,
                defaultValue: (short)0);

            migrationBuilder.AddColumn<int>(
                name: "small_number_threshold",
                schema: "reporting",
                table: "council",
                type: "integer",
                nullable: false,
                // The threshold until the council's configuration is next published.
                defaultValue: 5);

            migrationBuilder.AddColumn<short>(
                name: "time_stages",
                schema: "reporting",
                table: "case_facts",
                type: "smallint",
                nullable: false,
                defaultValue: (short)0);

            migrationBuilder.CreateTable(
                name: "ombudsman_enquiry_facts",
                schema: "reporting",
                columns: table => new
                {
                    enquiry_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ombudsman = table.Column<short>(type: "smallint", nullable: false),
                    directorate_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ombudsman_enquiry_facts", x => x.enquiry_id);
                });

            migrationBuilder.CreateTable(
                name: "ombudsman_recommendation_facts",
                schema: "reporting",
                columns: table => new
                {
                    recommendation_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    enquiry_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ombudsman = table.Column<short>(type: "smallint", nullable: false),
                    directorate_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    agreed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    completed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    late = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ombudsman_recommendation_facts", x => x.recommendation_id);
                });

            migrationBuilder.CreateTable(
                name: "remedy_facts",
                schema: "reporting",
                columns: table => new
                {
                    remedy_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    case_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    agreed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    completed = table.Column<bool>(type: "boolean", nullable: false),
                    service_area_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    team_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    stage = table.Column<short>(type: "smallint", nullable: false),
                    type_code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_remedy_facts", x => x.remedy_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_ombudsman_recommendation_facts_enquiry_id",
                schema: "reporting",
                table: "ombudsman_recommendation_facts",
                column: "enquiry_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ombudsman_enquiry_facts",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "ombudsman_recommendation_facts",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "remedy_facts",
                schema: "reporting");

            migrationBuilder.DropColumn(
                name: "reporting_year",
                schema: "reporting",
                table: "council");

            migrationBuilder.DropColumn(
                name: "small_number_threshold",
                schema: "reporting",
                table: "council");

            migrationBuilder.DropColumn(
                name: "time_stages",
                schema: "reporting",
                table: "case_facts");
        }
    }
}
