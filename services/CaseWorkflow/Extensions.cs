using ComplaintsPlatform.Hosting;
using ComplaintsPlatform.CaseWorkflow.Data;

namespace ComplaintsPlatform.CaseWorkflow;

internal static class Extensions
{
    public const string Schema = "caseworkflow";
    public const string ConnectionName = "case-workflow-db";

    public static void AddCaseWorkflowServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<CaseWorkflowDbContext>(ConnectionName, Schema);
        builder.AddPlatformGrpc();
    }
}
