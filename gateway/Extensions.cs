using ComplaintsPlatform.Hosting;
using System.Net;
using ComplaintsPlatform.Hosting.Identity;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;
using Yarp.ReverseProxy.Forwarder;

namespace ComplaintsPlatform.Gateway;

internal static class Extensions
{
    public static void AddGatewayServices(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();
        builder.Services.AddSingleton(options);

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);

        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            // http://_grpc.intake → the intake service's "grpc" endpoint, as the AppHost publishes it.
            .AddServiceDiscoveryDestinationResolver();
        builder.Services.Replace(ServiceDescriptor.Singleton<IForwarderHttpClientFactory, BackendConnections>());

        // ASPNETCORE_FORWARDEDHEADERS_ENABLED=true (Aspire sets it) would put a middleware in front that
        // believes anyone's X-Forwarded-For; here only the configured proxies are believed.
        foreach (var filter in builder.Services.Where(d => d.ServiceType == typeof(IStartupFilter) && d.ImplementationType?.Name == "ForwardedHeadersStartupFilter").ToList())
        {
            builder.Services.Remove(filter);
        }
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the configured proxies are believed; not even loopback by default.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in options.TrustedProxies)
            {
                if (proxy.Contains('/'))
                {
                    forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
                }
                else
                {
                    forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
                }
            }
        });

        // A token earns its subject a bucket only if it validates as the services would validate it.
        // With no provider configured nothing validates, and every client is its address (or API key).
        var identity = builder.Configuration.GetSection(IdentityOptions.Section);
        if (!string.IsNullOrEmpty(identity["Authority"]) || !string.IsNullOrEmpty(identity["IssuerPublicKey"]))
        {
            builder.AddPlatformTokenValidation();
        }
        // Never wait long for Redis: without it each replica limits on its own.
        builder.AddOptionalRedis(TimeSpan.FromMilliseconds(250));
        builder.Services.AddSingleton<ClientIdentity>();
        builder.Services.AddClientRateLimiting(options.RateLimit);

        // A service the gateway does not host falls through to the proxy's routes and then to NOT_FOUND.
        builder.Services.AddGrpc(grpc => grpc.IgnoreUnknownServices = true);
        builder.Services.AddSingleton<BackendHealth>();
    }

    public static WebApplication UseGateway(this WebApplication app)
    {
        // With no proxy configured the middleware would believe anyone's X-Forwarded-For: leave it out.
        if (app.Services.GetRequiredService<GatewayOptions>().TrustedProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }
        if (app.Services.GetService<Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider>() is not null)
        {
            app.UseAuthentication();
        }
        app.UseMiddleware<ClientIdentity>();
        app.UseRateLimiter();
        app.MapGrpcService<BackendHealthService>();
        app.MapReverseProxy(proxy =>
        {
            proxy.Use(BackendFailures.RefuseServicesOnPagesRouteAsync);
            proxy.Use(BackendFailures.AnswerUnavailableAsync);
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        app.MapDefaultEndpoints();
        // Everything not routed above, internal services included, is answered here: NOT_FOUND.
        app.MapFallback("{**path}", BackendFailures.AnswerNotRoutedAsync);
        return app;
    }
}
