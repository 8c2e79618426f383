using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintsPlatform.CaseWorkflow.Data.Migrations
{
    /// <inheritdoc />
    public partial class VisibleRevision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "visible_revision",
                schema: "caseworkflow",
                table: "cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Until now every change was visible.
            migrationBuilder.Sql("UPDATE caseworkflow.cases SET visible_revision = revision");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "visible_revision",
                schema: "caseworkflow",
                table: "cases");
        }
    }
}
