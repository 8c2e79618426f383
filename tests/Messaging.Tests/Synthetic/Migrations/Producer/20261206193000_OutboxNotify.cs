using ComplaintsPlatform.Messaging.Outbox;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintsPlatform.Messaging.Tests.Synthetic.Migrations.Producer
{
    [DbContext(typeof(ProducerDb))]
    [Migration("20261206193000_OutboxNotify")]
    public partial class OutboxNotify : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.CreateOutboxNotify(ProducerDb.Schema);

        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropOutboxNotify(ProducerDb.Schema);
    }
}
