using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintsPlatform.OmbudsmanLiaison.Data.Migrations
{
    /// <inheritdoc />
    public partial class HousingDeterminationsAndOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "housing_findings",
                schema: "ombudsman",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enquiry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    element = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    determination = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_housing_findings", x => x.id);
                    table.ForeignKey(
                        name: "fk_housing_findings_enquiries_enquiry_id",
                        column: x => x.enquiry_id,
                        principalSchema: "ombudsman",
                        principalTable: "enquiries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "orders",
                schema: "ombudsman",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enquiry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    amount_pence = table.Column<long>(type: "bigint", nullable: false),
                    ordered_on = table.Column<DateOnly>(type: "date", nullable: false),
                    compliance_due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    completed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    evidence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    late = table.Column<bool>(type: "boolean", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    evidence_document_content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    evidence_document_file_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    evidence_document_reference = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    evidence_document_size_bytes = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_orders", x => x.id);
                    table.ForeignKey(
                        name: "fk_orders_enquiries_enquiry_id",
                        column: x => x.enquiry_id,
                        principalSchema: "ombudsman",
                        principalTable: "enquiries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_housing_findings_enquiry_id_position",
                schema: "ombudsman",
                table: "housing_findings",
                columns: new[] { "enquiry_id", "position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_orders_enquiry_id",
                schema: "ombudsman",
                table: "orders",
                column: "enquiry_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "housing_findings",
                schema: "ombudsman");

            migrationBuilder.DropTable(
                name: "orders",
                schema: "ombudsman");
        }
    }
}
