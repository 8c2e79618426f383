using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintsPlatform.OmbudsmanLiaison.Data.Migrations
{
    /// <summary>The council's division as its gov.uk key, as every service keeps it (libs/Calendar).</summary>
    public partial class DivisionGovUkKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE ombudsman.council_settings SET division = CASE division
                    WHEN 'SCOTLAND' THEN 'scotland'
                    WHEN 'NORTHERN_IRELAND' THEN 'northern-ireland'
                    ELSE 'england-and-wales' END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE ombudsman.council_settings SET division = CASE division
                    WHEN 'scotland' THEN 'SCOTLAND'
                    WHEN 'northern-ireland' THEN 'NORTHERN_IRELAND'
                    ELSE 'ENGLAND_AND_WALES' END;
                """);
        }
    }
}
