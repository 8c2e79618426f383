using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintsPlatform.Reporting.Data.Migrations
{
    /// <inheritdoc />
    public partial class LearningActionsPerCase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "learning_actions",
                schema: "reporting",
                table: "case_facts",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "learning_actions",
                schema: "reporting",
                table: "case_facts");
        }
    }
}
