using ComplaintsPlatform.Messaging.Outbox;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintsPlatform.OmbudsmanLiaison.Data.Migrations
{
    /// <summary>The outbox announces each commit, so the sequencer positions new events at once (OutboxNotify).</summary>
    [DbContext(typeof(OmbudsmanLiaisonDbContext))]
    [Migration("20261206193000_OutboxNotify")]
    public partial class OutboxNotify : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.CreateOutboxNotify(global::ComplaintsPlatform.OmbudsmanLiaison.Extensions.Schema);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropOutboxNotify(global::ComplaintsPlatform.OmbudsmanLiaison.Extensions.Schema);
    }
}
