using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ComplaintsPlatform.Reporting.Data.Migrations
{
    /// <inheritdoc />
    public partial class DocumentsAndSelfAssessment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "benchmark_figures",
                schema: "reporting",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    ombudsman = table.Column<short>(type: "smallint", nullable: false),
                    scope = table.Column<short>(type: "smallint", nullable: false),
                    council_code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    upheld_rate_bp = table.Column<int>(type: "integer", nullable: false),
                    upheld_per_100k_hundredths = table.Column<int>(type: "integer", nullable: false),
                    compliance_bp = table.Column<int>(type: "integer", nullable: false),
                    satisfactory_remedy_bp = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_benchmark_figures", x => new { x.year, x.ombudsman, x.scope, x.council_code });
                });

            migrationBuilder.CreateTable(
                name: "ombudsman_referrals",
                schema: "reporting",
                columns: table => new
                {
                    enquiry_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    case_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    counted = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ombudsman_referrals", x => x.enquiry_id);
                });

            migrationBuilder.CreateTable(
                name: "policy_conformance",
                schema: "reporting",
                columns: table => new
                {
                    stream = table.Column<short>(type: "smallint", nullable: false),
                    policy_version = table.Column<int>(type: "integer", nullable: false),
                    @checked = table.Column<bool>(name: "checked", type: "boolean", nullable: false),
                    deviations = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policy_conformance", x => x.stream);
                });

            migrationBuilder.CreateTable(
                name: "self_assessment",
                schema: "reporting",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    paragraph = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    status = table.Column<short>(type: "smallint", nullable: false),
                    evidence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    commentary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    assessed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    assessed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_self_assessment", x => new { x.year, x.paragraph });
                });

            migrationBuilder.CreateTable(
                name: "self_assessment_changes",
                schema: "reporting",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    year = table.Column<int>(type: "integer", nullable: false),
                    paragraph = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    field = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    old_value = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    new_value = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    changed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    changed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_self_assessment_changes", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ombudsman_referrals_case_id",
                schema: "reporting",
                table: "ombudsman_referrals",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "IX_self_assessment_changes_year_paragraph",
                schema: "reporting",
                table: "self_assessment_changes",
                columns: new[] { "year", "paragraph" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "benchmark_figures",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "ombudsman_referrals",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "policy_conformance",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "self_assessment",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "self_assessment_changes",
                schema: "reporting");
        }
    }
}
