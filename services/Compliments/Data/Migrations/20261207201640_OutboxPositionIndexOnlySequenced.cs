using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintsPlatform.Compliments.Data.Migrations
{
    /// <inheritdoc />
    public partial class OutboxPositionIndexOnlySequenced : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbox_events_position",
                schema: "compliments",
                table: "outbox_events");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_events_position",
                schema: "compliments",
                table: "outbox_events",
                column: "position",
                unique: true,
                filter: "position IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbox_events_position",
                schema: "compliments",
                table: "outbox_events");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_events_position",
                schema: "compliments",
                table: "outbox_events",
                column: "position",
                unique: true);
        }
    }
}
