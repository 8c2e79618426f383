using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintsPlatform.Intake.Data.Migrations
{
    /// <inheritdoc />
    public partial class CaseLetterWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "case_letter_code",
                schema: "intake",
                table: "correspondence",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "case_letter_request_id",
                schema: "intake",
                table: "correspondence",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "case_letter_code",
                schema: "intake",
                table: "correspondence");

            migrationBuilder.DropColumn(
                name: "case_letter_request_id",
                schema: "intake",
                table: "correspondence");
        }
    }
}
