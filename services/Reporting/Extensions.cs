using ComplaintsPlatform.Hosting;
using ComplaintsPlatform.Reporting.Data;

namespace ComplaintsPlatform.Reporting;

internal static class Extensions
{
    public const string Schema = "reporting";
    public const string ConnectionName = "reporting-db";

    public static void AddReportingServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ReportingDbContext>(ConnectionName, Schema);
        builder.AddPlatformGrpc();
    }
}
