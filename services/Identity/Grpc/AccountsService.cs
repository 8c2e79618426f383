using System.Security.Cryptography;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Identity.Accounts;
using ComplaintsPlatform.Identity.Data;
using ComplaintsPlatform.Identity.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace ComplaintsPlatform.Identity.Grpc;

/// <summary>Staff accounts, managed by administrators; every change audited.</summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class AccountsService(
    UserManager<StaffAccount> users,
    IdentityDbContext db,
    OfficerDirectory directory,
    IOpenIddictTokenManager tokens,
    IdentityServiceOptions settings,
    AuditLog audit) : V1.Accounts.AccountsBase
{
    private static readonly string[] Assignable = Roles.All.Where(r => r != Roles.Service).ToArray();

    public override async Task<CreateAccountReply> CreateAccount(CreateAccountRequest request, ServerCallContext context)
    {
        var violations = new List<FieldViolation>();
        if (string.IsNullOrWhiteSpace(request.OfficerId) || request.OfficerId.Length > 100)
        {
            violations.Add(new FieldViolation("officer_id", "is required (the officer's id in the council directory)"));
        }
        CheckRoles(request.Roles, violations);
        Validate(violations);
        if (await users.FindByIdAsync(request.OfficerId) is not null)
        {
            throw new AlreadyExistsException($"An account for officer {request.OfficerId}");
        }
        var officer = await FindOfficerAsync(request.OfficerId, context.CancellationToken);
        var userName = string.IsNullOrWhiteSpace(request.UserName) ? officer?.Email ?? request.OfficerId : request.UserName.Trim();
        var account = new StaffAccount
        {
            Id = request.OfficerId,
            UserName = userName,
            Email = officer?.Email,
            DisplayName = officer?.Name ?? request.OfficerId,
            MustChangePassword = true,
            LockoutEnabled = true,
        };
        var password = TemporaryPassword();
        Check(await users.CreateAsync(account, password), "user_name");
        Check(await users.AddToRolesAsync(account, request.Roles.Distinct()), "roles");
        await audit.RecordAsync(AuditLog.AccountCreated, account.Id, Actor(context), "roles: " + string.Join(",", request.Roles.Distinct()));
        return new CreateAccountReply { Account = await MapAsync(account), TemporaryPassword = password };
    }

    public override async Task<Account> GetAccount(GetAccountRequest request, ServerCallContext context) =>
        await MapAsync(await FindAsync(request.OfficerId));

    public override async Task<ListAccountsReply> ListAccounts(ListAccountsRequest request, ServerCallContext context)
    {
        var reply = new ListAccountsReply();
        foreach (var account in await users.Users.OrderBy(u => u.Id).ToListAsync(context.CancellationToken))
        {
            reply.Accounts.Add(await MapAsync(account));
        }
        return reply;
    }

    public override async Task<Account> DisableAccount(DisableAccountRequest request, ServerCallContext context)
    {
        if (request.Reason.Length > 500)
        {
            Validate([new FieldViolation("reason", "must be at most 500 characters")]);
        }
        var account = await FindAsync(request.OfficerId);
        if (account.Id == Caller.From(context).Subject)
        {
            throw new RuleViolationException("An administrator cannot disable their own account.");
        }
        account.Disabled = true;
        Check(await users.UpdateAsync(account), "officer_id");
        // Sessions and refresh tokens end now, not when they expire.
        await users.UpdateSecurityStampAsync(account);
        await tokens.RevokeBySubjectAsync(account.Id, context.CancellationToken);
        await audit.RecordAsync(AuditLog.AccountDisabled, account.Id, Actor(context), request.Reason);
        return await MapAsync(account);
    }

    public override async Task<Account> EnableAccount(EnableAccountRequest request, ServerCallContext context)
    {
        var account = await FindAsync(request.OfficerId);
        account.Disabled = false;
        Check(await users.UpdateAsync(account), "officer_id");
        await audit.RecordAsync(AuditLog.AccountEnabled, account.Id, Actor(context));
        return await MapAsync(account);
    }

    public override async Task<CreateAccountReply> ResetAccount(ResetAccountRequest request, ServerCallContext context)
    {
        var account = await FindAsync(request.OfficerId);
        var password = TemporaryPassword();
        Check(await users.RemovePasswordAsync(account), "officer_id");
        Check(await users.AddPasswordAsync(account, password), "officer_id");
        account.MustChangePassword = true;
        if (request.ResetSecondFactor)
        {
            await users.SetTwoFactorEnabledAsync(account, false);
            await users.ResetAuthenticatorKeyAsync(account);
        }
        await users.SetLockoutEndDateAsync(account, null);
        await users.ResetAccessFailedCountAsync(account);
        Check(await users.UpdateAsync(account), "officer_id");
        await users.UpdateSecurityStampAsync(account);
        await tokens.RevokeBySubjectAsync(account.Id, context.CancellationToken);
        await audit.RecordAsync(AuditLog.AccountReset, account.Id, Actor(context), request.ResetSecondFactor ? "password and second factor" : "password");
        return new CreateAccountReply { Account = await MapAsync(account), TemporaryPassword = password };
    }

    public override async Task<Account> AssignRoles(AssignRolesRequest request, ServerCallContext context)
    {
        var violations = new List<FieldViolation>();
        CheckRoles(request.Roles, violations);
        Validate(violations);
        var account = await FindAsync(request.OfficerId);
        var current = await users.GetRolesAsync(account);
        var wanted = request.Roles.Distinct().ToList();
        if (account.Id == Caller.From(context).Subject && !wanted.Contains(Roles.Administrator))
        {
            throw new RuleViolationException("An administrator cannot remove their own administrator role.");
        }
        Check(await users.RemoveFromRolesAsync(account, current.Except(wanted)), "roles");
        Check(await users.AddToRolesAsync(account, wanted.Except(current)), "roles");
        await users.UpdateSecurityStampAsync(account);
        await audit.RecordAsync(AuditLog.RolesAssigned, account.Id, Actor(context),
            $"from {string.Join(",", current.Order())} to {string.Join(",", wanted.Order())}");
        return await MapAsync(account);
    }

    public override async Task<ListAuditEntriesReply> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context)
    {
        var limit = request.Limit is > 0 and <= 1000 ? request.Limit : 100;
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(request.Subject))
        {
            query = query.Where(a => a.Subject == request.Subject);
        }
        var reply = new ListAuditEntriesReply();
        reply.Entries.AddRange((await query.OrderByDescending(a => a.Id).Take(limit).ToListAsync(context.CancellationToken))
            .Select(a => new V1.AuditEntry
            {
                At = Timestamp.FromDateTimeOffset(a.At),
                Kind = a.Kind,
                Subject = a.Subject,
                Actor = a.Actor,
                Detail = a.Detail,
            }));
        return reply;
    }

    private async Task<DirectoryOfficer?> FindOfficerAsync(string officerId, CancellationToken ct)
    {
        if (!directory.Configured)
        {
            return null;
        }
        try
        {
            return await directory.FindAsync(officerId, ct)
                ?? throw new ValidationException([new FieldViolation("officer_id", "is not an officer in the council directory")]);
        }
        catch (DirectoryUnavailableException)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "The council directory is unavailable; retry later."));
        }
    }

    private async Task<StaffAccount> FindAsync(string officerId) =>
        await users.FindByIdAsync(officerId ?? "") ?? throw new NotFoundException($"Account {officerId}");

    private async Task<Account> MapAsync(StaffAccount account)
    {
        var roles = await users.GetRolesAsync(account);
        var mapped = new Account
        {
            OfficerId = account.Id,
            UserName = account.UserName ?? "",
            DisplayName = account.DisplayName,
            Disabled = account.Disabled,
            SecondFactorEnabled = account.TwoFactorEnabled,
            SecondFactorRequired = roles.Any(settings.SecondFactorRoles.Contains),
        };
        mapped.Roles.AddRange(roles.Order());
        if (account.LockoutEnd is { } end && end > DateTimeOffset.UtcNow)
        {
            mapped.LockedOutUntil = Timestamp.FromDateTimeOffset(end);
        }
        return mapped;
    }

    private static void CheckRoles(IEnumerable<string> roles, List<FieldViolation> violations)
    {
        foreach (var role in roles.Where(r => !Assignable.Contains(r)))
        {
            violations.Add(new FieldViolation("roles", $"'{role}' is not a staff role ({string.Join(", ", Assignable)})"));
        }
    }

    private static void Validate(List<FieldViolation> violations)
    {
        if (violations.Count > 0)
        {
            throw new ValidationException(violations);
        }
    }

    private static void Check(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            throw new ValidationException(result.Errors.Select(e => new FieldViolation(field, e.Description)).ToList());
        }
    }

    private static string Actor(ServerCallContext context) => Caller.From(context).Subject;

    /// <summary>Sixteen random characters from an alphabet without look-alikes.</summary>
    private static string TemporaryPassword() =>
        RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 16);
}
