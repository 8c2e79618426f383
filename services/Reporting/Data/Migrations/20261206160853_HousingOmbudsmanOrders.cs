using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintsPlatform.Reporting.Data.Migrations
{
    /// <inheritdoc />
    public partial class HousingOmbudsmanOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ombudsman_order_facts",
                schema: "reporting",
                columns: table => new
                {
                    order_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    enquiry_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ombudsman = table.Column<short>(type: "smallint", nullable: false),
                    directorate_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ordered_on = table.Column<DateOnly>(type: "date", nullable: false),
                    compliance_due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    completed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    late = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ombudsman_order_facts", x => x.order_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_ombudsman_order_facts_enquiry_id",
                schema: "reporting",
                table: "ombudsman_order_facts",
                column: "enquiry_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ombudsman_order_facts",
                schema: "reporting");
        }
    }
}
