using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Hosting.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ComplaintsPlatform.Hosting;

public static class PlatformGrpc
{
    public static IHostApplicationBuilder AddPlatformGrpc(this IHostApplicationBuilder builder, params string[] grpcServiceNames)
    {
        builder.Services.AddGrpc(options =>
        {
            options.EnableDetailedErrors = false;
            options.Interceptors.Add<ErrorMappingInterceptor>();
            // Inside the error mapping, so a text that is too long becomes INVALID_ARGUMENT like any validation.
            options.Interceptors.Add<TextLimitInterceptor>();
        }).AddJsonTranscoding(o =>
            // A REST client gets an error's details as JSON too: the rich status types the services send.
            o.TypeRegistry = Google.Protobuf.Reflection.TypeRegistry.FromMessages(
                Google.Rpc.BadRequest.Descriptor, Google.Rpc.ErrorInfo.Descriptor, Google.Rpc.PreconditionFailure.Descriptor,
                Google.Rpc.ResourceInfo.Descriptor, Google.Rpc.RetryInfo.Descriptor, Google.Rpc.QuotaFailure.Descriptor));
        builder.AddPlatformIdentity();
        builder.Services.AddGrpcHealthChecks(options =>
        {
            // The overall status ("") and every gRPC service of this process follow the health checks.
            options.Services.Map("", _ => true);
            foreach (var name in grpcServiceNames)
            {
                options.Services.Map(name, _ => true);
            }
        });
        builder.Services.AddGrpcReflection();
        return builder;
    }

    public static WebApplication MapPlatformEndpoints(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapGrpcReflectionService().AllowAnonymous();
        return app;
    }
}
