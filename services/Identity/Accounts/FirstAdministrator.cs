using ComplaintsPlatform.Hosting;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Identity.Data;
using Microsoft.AspNetCore.Identity;

namespace ComplaintsPlatform.Identity.Accounts;

/// <summary>
/// Creates the platform's roles, and on first run, when no administrator exists, creates the account <c>administrator</c> with the
/// password the AppHost generated (and printed once). The administrator must choose a new password
/// and set up a second factor at first sign-in, then creates every other account through the RPCs.
/// </summary>
internal sealed class FirstAdministrator(
    IServiceScopeFactory scopes,
    IdentityServiceOptions settings,
    MigrationState<IdentityDbContext> migrations) : IHostedService
{
    public const string AccountId = "administrator";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await migrations.WaitAsync(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        // Replicas starting together create the roles and the administrator once.
        await StartupLock.RunAsync(scope.ServiceProvider.GetRequiredService<IdentityDbContext>(), "identity:first-administrator",
            () => CreateAsync(scope, cancellationToken), cancellationToken);
    }

    private async Task CreateAsync(AsyncServiceScope scope, CancellationToken cancellationToken)
    {
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
        if (string.IsNullOrEmpty(settings.BootstrapAdministratorPassword))
        {
            return;
        }
        if ((await users.GetUsersInRoleAsync(Roles.Administrator)).Count > 0 || await users.FindByIdAsync(AccountId) is not null)
        {
            return;
        }
        var admin = new StaffAccount
        {
            Id = AccountId,
            UserName = AccountId,
            DisplayName = "Platform administrator",
            MustChangePassword = true,
            LockoutEnabled = true,
        };
        Check(await users.CreateAsync(admin, settings.BootstrapAdministratorPassword));
        Check(await users.AddToRoleAsync(admin, Roles.Administrator));
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        await audit.RecordAsync(AuditLog.AccountCreated, AccountId, "system", "first administrator", cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The first administrator could not be created: " +
                string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}
