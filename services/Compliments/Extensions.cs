using ComplaintsPlatform.Hosting;
using ComplaintsPlatform.Compliments.Data;

namespace ComplaintsPlatform.Compliments;

internal static class Extensions
{
    public const string Schema = "compliments";
    public const string ConnectionName = "compliments-db";

    public static void AddComplimentsServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ComplimentsDbContext>(ConnectionName, Schema);
        builder.AddPlatformGrpc();
    }
}
