using ComplaintsPlatform.Hosting;
using Microsoft.Extensions.Options;
using OpenIddict.Server;

namespace ComplaintsPlatform.Identity.Keys;

/// <summary>
/// Loads the key ring once the schema is migrated, then looks again every few minutes: a successor
/// is created on time, and the token server's options are rebuilt whenever the published set changes.
/// </summary>
internal sealed class KeyRingMaintenance(
    SigningKeyStore store,
    MigrationState<Data.IdentityDbContext> migrations,
    IOptionsMonitorCache<OpenIddictServerOptions> serverOptions,
    TimeProvider clock,
    ILogger<KeyRingMaintenance> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        store.Changed += () => serverOptions.TryRemove(Options.DefaultName);
        // Migrations run in an earlier hosted service; the server must not answer before it has a key.
        await migrations.WaitAsync(cancellationToken);
        await store.RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await store.RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Key ring refresh failed: {Reason}", ex.GetType().Name);
            }
        }
    }
}

/// <summary>The token server publishes every key of the ring and checks its own tokens against them.</summary>
internal sealed class KeyRingServerOptions(SigningKeyStore store, TimeProvider clock) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        options.TimeProvider = clock;
        foreach (var key in store.PublishedKeys())
        {
            options.SigningCredentials.Add(new Microsoft.IdentityModel.Tokens.SigningCredentials(key, Microsoft.IdentityModel.Tokens.SecurityAlgorithms.RsaSha256));
        }
    }
}

/// <summary>Whatever order the server keeps its keys in, a token is signed with the one the ring says is active now.</summary>
internal sealed class SignWithActiveKey(SigningKeyStore store) : IOpenIddictServerHandler<OpenIddictServerEvents.GenerateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.GenerateTokenContext>()
            .UseSingletonHandler<SignWithActiveKey>()
            .SetOrder(OpenIddictServerHandlers.Protection.AttachSecurityCredentials.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(OpenIddictServerEvents.GenerateTokenContext context)
    {
        if (context.SigningCredentials is not null)
        {
            context.SigningCredentials = store.ActiveCredentials();
        }
        return ValueTask.CompletedTask;
    }
}
