using ComplaintsPlatform.Messaging.Outbox;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintsPlatform.Intake.Data.Migrations
{
    /// <summary>
    /// Intake's outbox no longer notifies from inside each writing transaction: that NOTIFY made
    /// concurrent submissions commit one at a time. Its commits are announced in-process after they
    /// commit (OutboxCommitInterceptor, ADR 0022).
    /// </summary>
    [DbContext(typeof(IntakeDbContext))]
    [Migration("20261206230000_OutboxNotifyDroppedForInProcessAnnouncements")]
    public partial class OutboxNotifyDroppedForInProcessAnnouncements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.DropOutboxNotify(global::ComplaintsPlatform.Intake.Extensions.Schema);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.CreateOutboxNotify(global::ComplaintsPlatform.Intake.Extensions.Schema);
    }
}
