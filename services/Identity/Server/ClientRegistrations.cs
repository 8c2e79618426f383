using ComplaintsPlatform.Hosting;
using ComplaintsPlatform.Identity.Data;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ComplaintsPlatform.Identity.Server;

/// <summary>
/// Registers the clients the configuration names, with their current secrets, once the schema is
/// migrated: one per platform service (client credentials), the API clients, the staff web
/// workspace (code + PKCE, refresh) and, in Development only, the dev-token command's client.
/// </summary>
internal sealed class ClientRegistrations(
    IServiceScopeFactory scopes,
    IdentityServiceOptions settings,
    MigrationState<IdentityDbContext> migrations,
    IHostEnvironment environment) : IHostedService
{
    public const string ServicePrefix = "service-";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await migrations.WaitAsync(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        // Replicas starting together register one after the other (else both insert the same client).
        await StartupLock.RunAsync(scope.ServiceProvider.GetRequiredService<IdentityDbContext>(), "identity:clients",
            () => RegisterAsync(scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>(), cancellationToken), cancellationToken);
    }

    private async Task RegisterAsync(IOpenIddictApplicationManager manager, CancellationToken cancellationToken)
    {

        foreach (var (service, secret) in settings.ServiceClients)
        {
            await UpsertAsync(manager, Confidential(ServicePrefix + service, secret, $"The {service} service"), cancellationToken);
        }
        foreach (var (clientId, api) in settings.ApiClients)
        {
            await UpsertAsync(manager, Confidential(clientId, api.Secret, $"API client {clientId}"), cancellationToken);
        }
        if (environment.IsDevelopment() && !string.IsNullOrEmpty(settings.DevClientSecret))
        {
            var dev = Confidential(OpenIdEndpoints.DevClientId, settings.DevClientSecret, "Development tokens");
            // Tests and tools sign officers in by password here (Development only), with refresh tokens.
            dev.Permissions.UnionWith([Permissions.GrantTypes.Password, Permissions.GrantTypes.RefreshToken,
                Permissions.Scopes.Profile, Permissions.Scopes.Roles, Permissions.Prefixes.Scope + "offline_access"]);
            await UpsertAsync(manager, dev, cancellationToken);
        }
        else if (await manager.FindByClientIdAsync(OpenIdEndpoints.DevClientId, cancellationToken) is { } stale)
        {
            // A database carried from Development into production keeps no dev client.
            await manager.DeleteAsync(stale, cancellationToken);
        }
        if (settings.WebClient is { } web && !string.IsNullOrEmpty(web.Secret))
        {
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = web.ClientId,
                ClientSecret = web.Secret,
                ClientType = ClientTypes.Confidential,
                ConsentType = ConsentTypes.Implicit,
                DisplayName = "Staff workspace",
                Permissions =
                {
                    Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                    Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken,
                    Permissions.ResponseTypes.Code,
                    Permissions.Scopes.Profile, Permissions.Scopes.Roles, Permissions.Prefixes.Scope + "offline_access",
                },
                Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            };
            foreach (var uri in web.RedirectUris)
            {
                descriptor.RedirectUris.Add(new Uri(uri));
            }
            foreach (var uri in web.PostLogoutRedirectUris)
            {
                descriptor.PostLogoutRedirectUris.Add(new Uri(uri));
            }
            await UpsertAsync(manager, descriptor, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static OpenIddictApplicationDescriptor Confidential(string clientId, string secret, string name) => new()
    {
        ClientId = clientId,
        ClientSecret = secret,
        ClientType = ClientTypes.Confidential,
        DisplayName = name,
        Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
    };

    private static async Task UpsertAsync(IOpenIddictApplicationManager manager, OpenIddictApplicationDescriptor descriptor, CancellationToken ct)
    {
        if (await manager.FindByClientIdAsync(descriptor.ClientId!, ct) is { } existing)
        {
            await manager.UpdateAsync(existing, descriptor, ct);
        }
        else
        {
            await manager.CreateAsync(descriptor, ct);
        }
    }
}
