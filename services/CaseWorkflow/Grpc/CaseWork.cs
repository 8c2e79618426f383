using ComplaintsPlatform.CaseWorkflow.Configuration;
using ComplaintsPlatform.CaseWorkflow.Data;
using ComplaintsPlatform.CaseWorkflow.Domain.Cases;
using ComplaintsPlatform.CaseWorkflow.Events;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Hosting.Identity;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.CaseWorkflow.Grpc;

/// <summary>
/// The one path every staff read and change of a case takes: load, check access, audit (refusals
/// included), apply the domain command, and save the case, its events and its audit row together.
/// </summary>
public sealed class CaseWork(CaseWorkflowDbContext db, CaseRulesSource rules, CasePublisher publisher)
{
    private const string Stale = "This case changed since you read it: read it again and retry.";

    public async Task<(CaseRecord Record, Case Case)> ReadAsync(ServerCallContext context, string caseId, string action)
    {
        var caller = Caller.From(context);
        var record = await FindAsync(caseId, context.CancellationToken);
        var role = CaseAccess.ReadRole(caller, record);
        await AuditAsync(record.Id, caller, role, action, save: true, context.CancellationToken);
        return (record, record.Load());
    }

    public async Task<(CaseRecord Record, Case Case)> ChangeAsync(
        ServerCallContext context, string caseId, string action, IReadOnlyCollection<string> roles,
        Func<Case, CaseRules, Actor, Task> change)
    {
        var caller = Caller.From(context);
        var record = await FindAsync(caseId, context.CancellationToken);
        var role = CaseAccess.ChangeRole(caller, record, roles);
        if (role is null)
        {
            await AuditAsync(record.Id, caller, null, action, save: true, context.CancellationToken);
        }
        if (ExpectedRevisionInterceptor.Of(context) is { } expected && expected != record.VisibleRevision)
        {
            throw new ConcurrencyConflictException(Stale);
        }
        var c = record.Load();
        var actor = new Actor(caller.Subject, role!, rules.Now);
        await change(c, await rules.ForCaseAsync(db, c, context.CancellationToken), actor);
        await SaveAsync(record, c, actor, action, context.CancellationToken);
        return (record, c);
    }

    public async Task SaveAsync(CaseRecord record, Case c, Actor actor, string action, CancellationToken ct)
    {
        publisher.Publish(db, c, actor);
        record.Store(c);
        db.CaseAudit.Add(new CaseAuditRecord { CaseId = c.Id, At = actor.Now, OfficerId = actor.Id, Role = actor.Role, Action = action, Allowed = true });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException(Stale);
        }
    }

    /// <summary>Writes the audit row; a refused caller's row is saved before PERMISSION_DENIED is returned.</summary>
    public async Task AuditAsync(Guid caseId, Caller caller, string? role, string action, bool save, CancellationToken ct)
    {
        db.CaseAudit.Add(new CaseAuditRecord
        {
            CaseId = caseId,
            At = rules.Now,
            OfficerId = caller.Subject,
            Role = role ?? CaseAccess.AttemptedRole(caller),
            Action = action,
            Allowed = role is not null,
        });
        if (save)
        {
            await db.SaveChangesAsync(ct);
        }
        if (role is null)
        {
            throw new AccessDeniedException("You may not see or change this case.");
        }
    }

    private async Task<CaseRecord> FindAsync(string caseId, CancellationToken ct)
    {
        if (!Guid.TryParse(caseId, out var id))
        {
            throw new ValidationException([new FieldViolation("case_id", "is not a case id")]);
        }
        return await db.Cases.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException($"Case {caseId}");
    }
}
