using ComplaintsPlatform.Hosting;
using ComplaintsPlatform.OmbudsmanLiaison.Data;

namespace ComplaintsPlatform.OmbudsmanLiaison;

internal static class Extensions
{
    public const string Schema = "ombudsman";
    public const string ConnectionName = "ombudsman-liaison-db";

    public static void AddOmbudsmanLiaisonServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<OmbudsmanLiaisonDbContext>(ConnectionName, Schema);
        builder.AddPlatformGrpc();
    }
}
