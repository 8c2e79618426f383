using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintsPlatform.Compliments.Data.Migrations
{
    /// <inheritdoc />
    public partial class ImportedCompliments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "import_fingerprint",
                schema: "compliments",
                table: "compliments",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "import_line",
                schema: "compliments",
                table: "compliments",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "import_source_file",
                schema: "compliments",
                table: "compliments",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "import_source_id",
                schema: "compliments",
                table: "compliments",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "imported",
                schema: "compliments",
                table: "compliments",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_compliments_import_source_id",
                schema: "compliments",
                table: "compliments",
                column: "import_source_id",
                unique: true,
                filter: "import_source_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_compliments_import_source_id",
                schema: "compliments",
                table: "compliments");

            migrationBuilder.DropColumn(
                name: "import_fingerprint",
                schema: "compliments",
                table: "compliments");

            migrationBuilder.DropColumn(
                name: "import_line",
                schema: "compliments",
                table: "compliments");

            migrationBuilder.DropColumn(
                name: "import_source_file",
                schema: "compliments",
                table: "compliments");

            migrationBuilder.DropColumn(
                name: "import_source_id",
                schema: "compliments",
                table: "compliments");

            migrationBuilder.DropColumn(
                name: "imported",
                schema: "compliments",
                table: "compliments");
        }
    }
}
