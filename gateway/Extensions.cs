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

        builder.Services.AddClientRateLimiting(options.RateLimit);

        builder.Services.AddGrpc();
        builder.Services.AddSingleton<BackendHealth>();
    }
}
