using ComplaintsPlatform.Identity.Data;

namespace ComplaintsPlatform.Identity.Accounts;

/// <summary>The audit of sign-ins and account changes. It records what happened and to whom; never a password, code, token or secret.</summary>
public sealed class AuditLog(IdentityDbContext db, TimeProvider clock, IHttpContextAccessor http, ILogger<AuditLog> logger)
{
    public const string SignInSucceeded = "sign_in_succeeded";
    public const string SignInFailed = "sign_in_failed";
    public const string LockedOut = "locked_out";
    public const string SecondFactorSucceeded = "second_factor_succeeded";
    public const string SecondFactorFailed = "second_factor_failed";
    public const string SecondFactorEnabled = "second_factor_enabled";
    public const string PasswordChanged = "password_changed";
    public const string SignedOut = "signed_out";
    public const string AccountCreated = "account_created";
    public const string AccountDisabled = "account_disabled";
    public const string AccountEnabled = "account_enabled";
    public const string AccountReset = "account_reset";
    public const string RolesAssigned = "roles_assigned";
    public const string TokenRefused = "token_refused";

    public async Task RecordAsync(string kind, string subject, string actor, string detail = "", CancellationToken ct = default)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            Kind = kind,
            Subject = Truncate(subject, 256),
            Actor = Truncate(actor, 256),
            Detail = Truncate(detail, 500),
            ClientAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        });
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Identity audit {Kind} for {Subject} by {Actor}", kind, subject, actor);
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
