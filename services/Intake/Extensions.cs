using ComplaintsPlatform.Hosting;
using ComplaintsPlatform.Intake.Data;

namespace ComplaintsPlatform.Intake;

internal static class Extensions
{
    public const string Schema = "intake";
    public const string ConnectionName = "intake-db";

    public static void AddIntakeServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IntakeDbContext>(ConnectionName, Schema);
        builder.AddPlatformGrpc();
    }
}
