using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintsPlatform.Reporting.Data.Migrations
{
    /// <inheritdoc />
    public partial class CoveringReportIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_counters_basis_grain_metric_month",
                schema: "reporting",
                table: "counters");

            migrationBuilder.CreateIndex(
                name: "IX_counters_basis_grain_metric_month",
                schema: "reporting",
                table: "counters",
                columns: new[] { "basis", "grain", "metric", "month" })
                .Annotation("Npgsql:IndexInclude", new[] { "service_area_id", "directorate_id", "team_id", "stream", "stage", "channel", "kind", "code", "count", "amount" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_counters_basis_grain_metric_month",
                schema: "reporting",
                table: "counters");

            migrationBuilder.CreateIndex(
                name: "IX_counters_basis_grain_metric_month",
                schema: "reporting",
                table: "counters",
                columns: new[] { "basis", "grain", "metric", "month" });
        }
    }
}
