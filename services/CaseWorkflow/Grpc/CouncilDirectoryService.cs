using ComplaintsPlatform.CaseWorkflow.Configuration;
using ComplaintsPlatform.CaseWorkflow.Data;
using ComplaintsPlatform.CaseWorkflow.Domain.Directory;
using ComplaintsPlatform.CaseWorkflow.Events;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Hosting.Identity;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.CaseWorkflow.Grpc;

/// <summary>The council's settings, organisation and lists. Officers' names and addresses are for council staff only.</summary>
public sealed class CouncilDirectoryService(CaseWorkflowDbContext db, CouncilState state, ConfigurationEvents events, DeadlineRecalculator deadlines)
    : CouncilDirectory.CouncilDirectoryBase
{
    public override async Task<CouncilConfiguration> GetConfiguration(GetConfigurationRequest request, ServerCallContext context)
    {
        var query = db.ConfigurationVersions.AsNoTracking();
        var row = request.Version > 0
            ? await query.FirstOrDefaultAsync(c => c.Version == request.Version, context.CancellationToken)
            : await query.OrderByDescending(c => c.Version).FirstOrDefaultAsync(context.CancellationToken);
        if (row is null)
        {
            throw new NotFoundException(request.Version > 0 ? $"Configuration version {request.Version}" : "The council configuration");
        }
        var configuration = ProtoJson.Read<CouncilConfiguration>(row.Document);
        if (Caller.From(context).IsAnyOf(Roles.Scrutiny) && !Caller.From(context).IsAnyOf(Roles.ComplaintsTeam, Roles.Staff, Roles.Handler, Roles.LinkOfficer, Roles.ServiceLead))
        {
            // Scrutiny readers see the organisation, never named officers.
            configuration.Officers.Clear();
        }
        return configuration;
    }

    [Authorize(Roles = Roles.ComplaintsTeam)]
    public override async Task<CouncilConfiguration> UpdateConfiguration(UpdateConfigurationRequest request, ServerCallContext context)
    {
        var configuration = request.Configuration ?? throw new ValidationException([new FieldViolation("configuration", "is required")]);
        var current = await db.ConfigurationVersions.MaxAsync(c => (int?)c.Version, context.CancellationToken) ?? 0;
        var proposed = configuration.Clone();
        proposed.Version = current + 1;
        proposed.Source = "admin";
        if (request.ExpectedVersion == current && current > 0)
        {
            var previous = await db.ConfigurationVersions.AsNoTracking().FirstAsync(c => c.Version == current, context.CancellationToken);
            await OrganisationUsage.CheckAsync(db, ProtoJson.Read<CouncilConfiguration>(previous.Document), proposed, context.CancellationToken);
        }
        var violations = ConfigurationRules.Check(proposed).Select(v => v with { Field = "configuration." + v.Field }).ToList();
        if (string.IsNullOrWhiteSpace(request.ChangeReason))
        {
            violations.Add(new FieldViolation("change_reason", "is required"));
        }
        if (violations.Count > 0)
        {
            throw new ValidationException(violations);
        }
        if (request.ExpectedVersion != current)
        {
            throw new RuleViolationException(
                $"The configuration is at version {current}, not {request.ExpectedVersion}: someone changed it since you read it.");
        }
        try
        {
            var recorded = await ConfigurationRecorder.RecordAsync(db, events, deadlines, state.BankHolidays, proposed,
                Caller.From(context).Subject, request.ChangeReason, context.CancellationToken);
            await state.RefreshAsync(db, context.CancellationToken);
            return recorded;
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            throw new RuleViolationException("The configuration was changed by someone else at the same moment; read it again and retry.");
        }
    }

    [Authorize(Roles = Roles.Administrator + "," + Roles.ComplaintsTeam)]
    public override async Task<CouncilConfiguration> SaveOfficer(SaveOfficerRequest request, ServerCallContext context)
    {
        var officer = request.Officer ?? throw new ValidationException([new FieldViolation("officer", "is required")]);
        var ct = context.CancellationToken;
        var row = await db.ConfigurationVersions.AsNoTracking().OrderByDescending(c => c.Version).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("The council configuration");
        var current = ProtoJson.Read<CouncilConfiguration>(row.Document);
        var saved = officer.Clone();
        saved.Name = saved.Name.Trim();
        saved.Email = saved.Email.Trim();
        saved.Id = saved.Id.Trim();
        var existing = current.Officers.FirstOrDefault(o => o.Id == saved.Id);
        if (existing is not null && existing.Equals(saved))
        {
            return current;
        }
        var proposed = current.Clone();
        proposed.Version = row.Version + 1;
        proposed.Source = "admin";
        if (existing is null)
        {
            proposed.Officers.Add(saved);
        }
        else
        {
            proposed.Officers[current.Officers.IndexOf(existing)] = saved;
        }
        // The configuration's own rules, reported against the officer's fields.
        var index = proposed.Officers.ToList().FindIndex(o => o.Id == saved.Id);
        var violations = ConfigurationRules.Check(proposed).Where(v => v.Field.StartsWith($"officers[{index}]", StringComparison.Ordinal))
            .Select(v => v with { Field = "officer" + v.Field[$"officers[{index}]".Length..] }).ToList();
        // An officer already in a team that is later retired stays in it; no one joins a retired team.
        var units = OrganisationChanges.Units(current);
        for (var t = 0; t < saved.TeamIds.Count; t++)
        {
            if (units.TryGetValue(saved.TeamIds[t], out var team) && team.Retired && existing?.TeamIds.Contains(team.Id) != true)
            {
                violations.Add(new FieldViolation($"officer.team_ids[{t}]", $"the {team.Describe()} is retired: choose a team in use"));
            }
        }
        if (violations.Count > 0)
        {
            throw new ValidationException(violations);
        }
        var reason = string.IsNullOrWhiteSpace(request.ChangeReason) ? (existing is null ? "Officer added" : "Officer changed") : request.ChangeReason.Trim();
        try
        {
            var recorded = await ConfigurationRecorder.RecordAsync(db, events, deadlines, state.BankHolidays, proposed, Caller.From(context).Subject, reason, ct);
            await state.RefreshAsync(db, ct);
            return recorded;
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            throw new RuleViolationException("The configuration was changed by someone else at the same moment; try again.");
        }
    }

    public override async Task<ConfigurationHistory> GetConfigurationHistory(GetConfigurationHistoryRequest request, ServerCallContext context)
    {
        var rows = await db.ConfigurationVersions.AsNoTracking().OrderBy(c => c.Version)
            .Select(c => new { c.Version, c.RecordedAt, c.RecordedBy, c.Source, c.ChangeReason })
            .ToListAsync(context.CancellationToken);
        return new ConfigurationHistory
        {
            Versions =
            {
                rows.Select(r => new V1.ConfigurationVersion
                {
                    Version = r.Version,
                    RecordedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(r.RecordedAt),
                    RecordedBy = r.RecordedBy,
                    Source = r.Source,
                    ChangeReason = r.ChangeReason,
                }),
            },
        };
    }
}
