using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ComplaintsPlatform.Hosting;

public static class PlatformGrpc
{
    public static IHostApplicationBuilder AddPlatformGrpc(this IHostApplicationBuilder builder)
    {
        builder.Services.AddGrpc(options =>
        {
            options.EnableDetailedErrors = false;
        }).AddJsonTranscoding();
        builder.Services.AddGrpcHealthChecks(options =>
        {
            // The overall status ("") and every gRPC service of this process follow the health checks.
            options.Services.Map("", _ => true);
        });
        builder.Services.AddGrpcReflection();
        return builder;
    }

    public static WebApplication MapPlatformEndpoints(this WebApplication app)
    {
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapGrpcReflectionService().AllowAnonymous();
        return app;
    }
}
