using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintsPlatform.Intake.Data.Migrations
{
    /// <inheritdoc />
    public partial class ImportedContacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "import_line",
                schema: "intake",
                table: "contacts",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "import_source_file",
                schema: "intake",
                table: "contacts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "import_source_id",
                schema: "intake",
                table: "contacts",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_contacts_import_source_id",
                schema: "intake",
                table: "contacts",
                column: "import_source_id",
                unique: true,
                filter: "import_source_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_contacts_import_source_id",
                schema: "intake",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "import_line",
                schema: "intake",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "import_source_file",
                schema: "intake",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "import_source_id",
                schema: "intake",
                table: "contacts");
        }
    }
}
