using ComplaintsPlatform.CaseWorkflow.Configuration;
using ComplaintsPlatform.CaseWorkflow.Data;
using ComplaintsPlatform.CaseWorkflow.Domain.DataProtection;
using ComplaintsPlatform.CaseWorkflow.Events;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Messaging.Outbox;
using ComplaintsPlatform.Retention;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.CaseWorkflow.Grpc;

/// <summary>
/// The retention schedule, legal holds, and erasure and rectification requests. Holds and approved
/// erasures travel to every service on the feed as ids; the reasons stay here.
/// </summary>
[Authorize(Roles = RetentionRegistration.Readers)]
public sealed partial class DataProtectionService(
    CaseWorkflowDbContext db, CouncilState state, ConfigurationEvents configurationEvents, DeadlineRecalculator deadlines,
    IOutbox outbox, RetentionRunner<CaseWorkflowDbContext> runner, RetentionSweep<CaseWorkflowDbContext> sweep, TimeProvider clock)
    : DataProtection.DataProtectionBase
{
    public override async Task<RetentionScheduleView> GetRetentionSchedule(GetRetentionScheduleRequest request, ServerCallContext context)
    {
        var current = await CurrentConfigurationAsync(context.CancellationToken);
        return View(current);
    }

    [Authorize(Roles = Roles.ComplaintsTeam)]
    public override async Task<RetentionScheduleView> UpdateRetentionSchedule(UpdateRetentionScheduleRequest request, ServerCallContext context)
    {
        var violations = RetentionSchedule.Check(request.Rules);
        if (string.IsNullOrWhiteSpace(request.ChangeReason))
        {
            violations.Add(new FieldViolation("change_reason", "is required"));
        }
        if (violations.Count > 0)
        {
            throw new ValidationException(violations);
        }
        var current = await CurrentConfigurationAsync(context.CancellationToken);
        if (request.ExpectedVersion != current.Version)
        {
            throw new RuleViolationException(
                $"The configuration is at version {current.Version}, not {request.ExpectedVersion}: someone changed it since you read it.");
        }
        var proposed = current.Clone();
        proposed.Version = current.Version + 1;
        proposed.Source = "admin";
        // Kinds the change leaves out keep the rule in force.
        var given = request.Rules.ToDictionary(r => r.Kind);
        proposed.Retention = new RetentionRules
        {
            Rules = { RetentionSchedule.Complete(current.Retention?.Rules ?? []).Select(r => given.GetValueOrDefault(r.Kind) ?? r) },
        };
        var recorded = await ConfigurationRecorder.RecordAsync(db, configurationEvents, deadlines, state.BankHolidays, proposed,
            Caller.From(context).Subject, request.ChangeReason, context.CancellationToken);
        await state.RefreshAsync(db, context.CancellationToken);
        return View(recorded);
    }

    public override async Task<LegalHold> PlaceLegalHold(PlaceLegalHoldRequest request, ServerCallContext context)
    {
        DataProtectionRules.PlaceHold(request);
        var ct = context.CancellationToken;
        var hold = new LegalHoldRecord
        {
            Id = Guid.CreateVersion7(),
            PersonId = NullIfEmpty(request.PersonId),
            Reason = request.Reason.Trim(),
            PlacedAt = clock.GetUtcNow(),
            PlacedBy = Caller.From(context).Subject,
        };
        if (request.CaseId.Length > 0)
        {
            var held = await db.Cases.AsNoTracking().Where(c => c.Id == Guid.Parse(request.CaseId))
                .Select(c => new { c.Id, c.Reference }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException($"Case {request.CaseId}");
            hold.CaseId = held.Id;
            hold.CaseReference = held.Reference;
        }
        db.LegalHolds.Add(hold);
        var (caseIds, contactIds) = await LinksAsync(hold.PersonId, hold.CaseId, ct);
        outbox.Add(db, new LegalHoldChanged
        {
            HoldId = hold.Id.ToString(), Active = true, PersonId = hold.PersonId ?? "", CaseIds = { caseIds }, ContactIds = { contactIds },
        });
        await db.SaveChangesAsync(ct);
        return ToProto(hold);
    }

    public override async Task<LegalHold> ReleaseLegalHold(ReleaseLegalHoldRequest request, ServerCallContext context)
    {
        var hold = Guid.TryParse(request.HoldId, out var id) ? await db.LegalHolds.FindAsync([id], context.CancellationToken) : null;
        if (hold is null)
        {
            throw new NotFoundException($"Legal hold {request.HoldId}");
        }
        DataProtectionRules.ReleaseHold(hold.ReleasedAt, request);
        hold.ReleasedAt = clock.GetUtcNow();
        hold.ReleasedBy = Caller.From(context).Subject;
        hold.ReleaseReason = request.Reason.Trim();
        outbox.Add(db, new LegalHoldChanged { HoldId = hold.Id.ToString(), Active = false, PersonId = hold.PersonId ?? "" });
        await db.SaveChangesAsync(context.CancellationToken);
        return ToProto(hold);
    }

    public override async Task<ListLegalHoldsReply> ListLegalHolds(ListLegalHoldsRequest request, ServerCallContext context)
    {
        var holds = db.LegalHolds.AsNoTracking();
        if (!request.IncludeReleased)
        {
            holds = holds.Where(h => h.ReleasedAt == null);
        }
        var list = await holds.OrderByDescending(h => h.PlacedAt).Take(500).ToListAsync(context.CancellationToken);
        return new ListLegalHoldsReply { Holds = { list.Select(ToProto) } };
    }

    /// <summary>The cases and Intake contacts a hold or erasure reaches: the case and its contact, or every case and contact of the person.</summary>
    private async Task<(List<string> CaseIds, List<string> ContactIds)> LinksAsync(string? personId, Guid? caseId, CancellationToken ct)
    {
        var cases = await db.Cases.AsNoTracking()
            .Where(c => (caseId != null && c.Id == caseId) || (personId != null && c.PersonId == personId))
            .Select(c => new { c.Id, c.ContactId }).ToListAsync(ct);
        var contactIds = cases.Where(c => c.ContactId != null).Select(c => c.ContactId!).ToList();
        if (personId is not null)
        {
            contactIds.AddRange(await db.TriagedContacts.AsNoTracking().Where(t => t.PersonId == personId).Select(t => t.ContactId).ToListAsync(ct));
        }
        return (cases.ConvertAll(c => c.Id.ToString()), contactIds.Distinct().ToList());
    }

    private async Task<CouncilConfiguration> CurrentConfigurationAsync(CancellationToken ct)
    {
        var row = await db.ConfigurationVersions.AsNoTracking().OrderByDescending(c => c.Version).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("The council configuration");
        return ProtoJson.Read<CouncilConfiguration>(row.Document);
    }

    private static RetentionScheduleView View(CouncilConfiguration configuration) => new()
    {
        Rules = { RetentionSchedule.Complete(configuration.Retention?.Rules ?? []) },
        ConfigurationVersion = configuration.Version,
        RecordedAt = configuration.RecordedAt,
        RecordedBy = configuration.RecordedBy,
    };

    private static LegalHold ToProto(LegalHoldRecord hold) => new()
    {
        HoldId = hold.Id.ToString(),
        PersonId = hold.PersonId ?? "",
        CaseId = hold.CaseId?.ToString() ?? "",
        CaseReference = hold.CaseReference ?? "",
        Reason = hold.Reason,
        PlacedAt = Timestamp.FromDateTimeOffset(hold.PlacedAt),
        PlacedBy = hold.PlacedBy,
        Active = hold.Active,
        ReleasedAt = hold.ReleasedAt is { } released ? Timestamp.FromDateTimeOffset(released) : null,
        ReleasedBy = hold.ReleasedBy ?? "",
        ReleaseReason = hold.ReleaseReason ?? "",
    };

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
