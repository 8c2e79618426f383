using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintsPlatform.CaseWorkflow.Data.Migrations
{
    /// <inheritdoc />
    public partial class OmbudsmanMatters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "behind_ombudsman_matter",
                schema: "caseworkflow",
                table: "cases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_cases_ombudsman_next_deadline",
                schema: "caseworkflow",
                table: "cases",
                columns: new[] { "next_deadline", "id" },
                filter: "behind_ombudsman_matter");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cases_ombudsman_next_deadline",
                schema: "caseworkflow",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "behind_ombudsman_matter",
                schema: "caseworkflow",
                table: "cases");
        }
    }
}
