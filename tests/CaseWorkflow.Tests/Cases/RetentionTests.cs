using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.TestInfrastructure;
using Grpc.Core;
using Npgsql;
using Xunit;
using static ComplaintsPlatform.CaseWorkflow.Tests.Cases.CaseHostFixture;
using RetentionClient = ComplaintsPlatform.CaseWorkflow.V1.Retention.RetentionClient;

namespace ComplaintsPlatform.CaseWorkflow.Tests.Cases;

/// <summary>
/// CaseWorkflow's retention job, legal holds and erasure requests through the API. Each test works on
/// cases of its own and runs retention with as_of, so it looks only at its own cases' ids.
/// </summary>
public sealed class RetentionTests(CaseHostFixture fx) : IClassFixture<CaseHostFixture>
{
    private const string Marker = "ZQXMARKER-case";

    private RetentionClient Jobs => new(fx.Host.CreateChannel(TestIdentity.Token(Roles.DataProtectionOfficer, "dpo-1")));

    private DataProtection.DataProtectionClient Dpo => new(fx.Host.CreateChannel(TestIdentity.Token(Roles.DataProtectionOfficer, "dpo-1")));

    private DataProtection.DataProtectionClient TeamDp => new(fx.Host.CreateChannel(TestIdentity.Token(Roles.ComplaintsTeam, "officer-cpt-01", "customer-services-team")));

    private static RunRetentionRequest AsOf(int year, int month, int day) => new() { AsOf = new Google.Type.Date { Year = year, Month = month, Day = day } };

    /// <summary>A corporate case with the marker in every text an officer or the person gives, closed on 18 March 2025.</summary>
    private async Task<V1.Case> ClosedCaseAsync()
    {
        var c = await fx.OpenAsync(ComplaintStream.Corporate, "highways-maintenance");
        await fx.Team.AcknowledgeAsync(new AcknowledgeRequest
        {
            CaseId = c.Id, About = Marker + " about", OutcomeSought = Marker + " outcome", OccurredOn = D(3, 5), MatterHappenedOn = D(2, 14), NotifyPerson = true,
        });
        await fx.Team.DefineIssueAsync(new DefineIssueRequest { CaseId = c.Id, Summary = Marker + " issue", OccurredOn = D(3, 5) });
        await fx.Team.AllocateAsync(new AllocateRequest
        {
            CaseId = c.Id, ServiceAreaId = "highways-maintenance", TeamId = "highways-north", HandlerId = "officer-hwy-01", OccurredOn = D(3, 6),
        });
        var handler = fx.Handler("officer-hwy-01", "highways-north");
        await handler.ExtendAsync(new ExtendRequest { CaseId = c.Id, WorkingDays = 5, Reason = Marker + " extension", SendNotice = true, OccurredOn = D(3, 14) });
        await handler.AddRemedyAsync(new AddRemedyRequest
        {
            CaseId = c.Id, TypeCode = "APOLOGY", Description = Marker + " remedy", OwnerId = "officer-hwy-01", Due = D(3, 25), OccurredOn = D(3, 17),
        });
        return await handler.RecordResponseAsync(new RecordResponseRequest
        {
            CaseId = c.Id, Overall = Finding.Upheld, Text = Marker + " response", OccurredOn = D(3, 18), NotifyPerson = true,
            Findings = { new IssueFinding { IssueId = "issue-1", Finding = Finding.Upheld } },
        });
    }

    private async Task<string> TextOfCaseAsync(string caseId)
    {
        await using var conn = new NpgsqlConnection(fx.Host.Database.ConnectionStrings["case-workflow-db"]);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT c.document::text || coalesce((SELECT string_agg(texts::text, '') FROM caseworkflow.correspondence_requests r WHERE r.case_id = c.id), '')
            FROM caseworkflow.cases c WHERE c.id = @id
            """, conn);
        cmd.Parameters.AddWithValue("id", Guid.Parse(caseId));
        return (string)(await cmd.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task A_closed_case_loses_every_word_six_years_after_closure_and_keeps_its_codes_dates_and_findings()
    {
        var c = await ClosedCaseAsync();
        Assert.Contains(Marker, await TextOfCaseAsync(c.Id));

        var early = await Jobs.RunRetentionAsync(AsOf(2031, 3, 17));
        var due = await Jobs.RunRetentionAsync(AsOf(2031, 3, 18));

        Assert.DoesNotContain(early.Removed, r => r.RecordId == c.Id);
        Assert.Contains(due.Removed, r => (r.Kind, r.Action, r.RecordId) == (RetentionKind.ClosedCase, RetentionAction.Anonymise, c.Id));
        Assert.DoesNotContain(Marker, await TextOfCaseAsync(c.Id));
        var kept = await fx.Team.GetCaseAsync(new GetCaseRequest { CaseId = c.Id });
        Assert.Equal((V1.CaseStatus.Closed, Finding.Upheld, D(3, 18)), (kept.Status, kept.Stages[0].Response.Overall, kept.Stages[0].Response.SentOn));
        Assert.Equal("APOLOGY", kept.Remedies.Single().TypeCode);
        Assert.Contains(await fx.Host.OutboxEventsAsync<PersonalDataRemoved>(), e => e.RecordIds.Contains(c.Id));
        Assert.DoesNotContain(await fx.Host.OutboxEventsAsync<PersonalDataRemoved>(), e => e.ToString().Contains(Marker));
    }

    [Fact]
    public async Task The_case_audit_trail_is_erased_two_years_after_it_was_written()
    {
        var c = await ClosedCaseAsync();
        await fx.Team.GetCaseAsync(new GetCaseRequest { CaseId = c.Id });
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var run = await Jobs.RunRetentionAsync(AsOf(today.Year + 2, today.Month, 28));

        Assert.Contains(run.Removed, r => r.Kind == RetentionKind.AccessLog && r.Action == RetentionAction.Erase);
        Assert.Equal(0, await fx.Host.CountAsync($"case_audit WHERE case_id = '{c.Id}'"));
    }

    [Fact]
    public async Task A_legal_hold_on_the_case_stops_retention_until_it_is_released_and_both_go_on_the_feed()
    {
        var c = await ClosedCaseAsync();

        var hold = await TeamDp.PlaceLegalHoldAsync(new PlaceLegalHoldRequest { CaseId = c.Id, Reason = "Insurance claim pending" });
        var held = await Jobs.RunRetentionAsync(AsOf(2032, 1, 1));
        await Dpo.ReleaseLegalHoldAsync(new ReleaseLegalHoldRequest { HoldId = hold.HoldId, Reason = "Claim settled" });
        var released = await Jobs.RunRetentionAsync(AsOf(2032, 1, 1));

        Assert.Equal((c.Reference, "officer-cpt-01", true), (hold.CaseReference, hold.PlacedBy, hold.Active));
        Assert.DoesNotContain(held.Removed, r => r.RecordId == c.Id);
        Assert.True(held.Counts.Single(k => k.Kind == RetentionKind.ClosedCase).Held >= 1);
        Assert.Contains(released.Removed, r => r.RecordId == c.Id);
        var announced = (await fx.Host.OutboxEventsAsync<LegalHoldChanged>()).Where(e => e.HoldId == hold.HoldId).ToList();
        Assert.Equal([true, false], announced.Select(e => e.Active));
        Assert.Equal([c.Id], announced[0].CaseIds);
        var listed = await Dpo.ListLegalHoldsAsync(new ListLegalHoldsRequest { IncludeReleased = true });
        var record = listed.Holds.Single(h => h.HoldId == hold.HoldId);
        Assert.Equal(("Claim settled", "dpo-1", false), (record.ReleaseReason, record.ReleasedBy, record.Active));
    }

    [Fact]
    public async Task A_hold_on_a_person_covers_every_case_of_theirs()
    {
        var c = await ClosedCaseAsync();

        var hold = await Dpo.PlaceLegalHoldAsync(new PlaceLegalHoldRequest { PersonId = c.PersonId, Reason = "Court proceedings" });
        var run = await Jobs.RunRetentionAsync(AsOf(2032, 1, 1));

        Assert.DoesNotContain(run.Removed, r => r.RecordId == c.Id);
        Assert.Contains(c.Id, (await fx.Host.OutboxEventsAsync<LegalHoldChanged>()).Single(e => e.HoldId == hold.HoldId).CaseIds);
        await Dpo.ReleaseLegalHoldAsync(new ReleaseLegalHoldRequest { HoldId = hold.HoldId, Reason = "Proceedings over" });
        var again = await Refused(StatusCode.FailedPrecondition, () =>
            Dpo.ReleaseLegalHoldAsync(new ReleaseLegalHoldRequest { HoldId = hold.HoldId, Reason = "Twice" }).ResponseAsync);
        Assert.Contains("already been released", again.Status.Detail);
    }

    [Fact]
    public async Task A_hold_without_a_reason_or_naming_both_a_person_and_a_case_is_refused_field_by_field()
    {
        var c = await fx.OpenAsync(ComplaintStream.Corporate, "highways-maintenance");

        var ex = await Refused(StatusCode.InvalidArgument, () =>
            TeamDp.PlaceLegalHoldAsync(new PlaceLegalHoldRequest { CaseId = c.Id, PersonId = c.PersonId }).ResponseAsync);

        var fields = ex.GetRpcStatus()!.Details.Select(d => d.Unpack<Google.Rpc.BadRequest>()).SelectMany(b => b.FieldViolations).Select(v => v.Field).ToList();
        Assert.Contains("reason", fields);
        Assert.Contains("case_id", fields);
    }

    [Fact]
    public async Task An_approved_erasure_records_who_decided_and_anonymises_the_case_at_once_outside_the_schedule()
    {
        var c = await fx.ReadyAsync(ComplaintStream.Corporate, "highways-maintenance", "highways-north", "officer-hwy-01");
        await fx.Team.DefineIssueAsync(new DefineIssueRequest { CaseId = c.Id, Summary = Marker + " open", OccurredOn = D(3, 7) });

        var request = await Dpo.RecordDataRequestAsync(new RecordDataRequestRequest
        {
            Kind = DataRequestKind.Erasure, CaseId = c.Id, ReceivedOn = D(12, 1, 2026), Reason = "The person asked for their complaint to be erased",
        });
        var decided = await Dpo.DecideDataRequestAsync(new DecideDataRequestRequest
        {
            RequestId = request.RequestId, Decision = DataRequestDecision.Approved, DecisionReason = "No reason to keep it",
        });

        Assert.Equal((DataRequestDecision.Approved, "dpo-1", "dpo-1"), (decided.Decision, decided.DecidedBy, decided.RecordedBy));
        Assert.DoesNotContain(Marker, await TextOfCaseAsync(c.Id));
        var approved = (await fx.Host.OutboxEventsAsync<ErasureApproved>()).Single(e => e.RequestId == request.RequestId);
        Assert.Equal([c.Id], approved.CaseIds);
        var run = (await Jobs.ListRetentionRunsAsync(new ListRetentionRunsRequest { Limit = 200, WithRemoved = true })).Runs.Single(r => r.ErasureRequestId == request.RequestId);
        Assert.Equal(RetentionRunTrigger.ErasureRequest, run.Trigger);
        Assert.Contains(run.Removed, r => r.RecordId == c.Id);
        var twice = await Refused(StatusCode.FailedPrecondition, () => Dpo.DecideDataRequestAsync(new DecideDataRequestRequest
        {
            RequestId = request.RequestId, Decision = DataRequestDecision.Refused, DecisionReason = "Changed mind",
        }).ResponseAsync);
        Assert.Contains("already been decided", twice.Status.Detail);
    }

    [Fact]
    public async Task A_refused_rectification_is_recorded_with_its_reason_and_changes_nothing()
    {
        var c = await fx.ReadyAsync(ComplaintStream.Corporate, "highways-maintenance", "highways-north", "officer-hwy-01");
        var before = await TextOfCaseAsync(c.Id);

        var request = await TeamDp.RecordDataRequestAsync(new RecordDataRequestRequest
        {
            Kind = DataRequestKind.Rectification, PersonId = c.PersonId, ReceivedOn = D(12, 1, 2026), Reason = "Says the date of the repair is wrong",
        });
        await Dpo.DecideDataRequestAsync(new DecideDataRequestRequest
        {
            RequestId = request.RequestId, Decision = DataRequestDecision.Refused, DecisionReason = "The record matches the contractor's log",
        });

        var listed = (await Dpo.ListDataRequestsAsync(new ListDataRequestsRequest())).Requests.Single(r => r.RequestId == request.RequestId);
        Assert.Equal((DataRequestKind.Rectification, DataRequestDecision.Refused, "The record matches the contractor's log", "officer-cpt-01"),
            (listed.Kind, listed.Decision, listed.DecisionReason, listed.RecordedBy));
        Assert.Equal(before, await TextOfCaseAsync(c.Id));
        Assert.DoesNotContain(await fx.Host.OutboxEventsAsync<ErasureApproved>(), e => e.RequestId == request.RequestId);
    }

    [Fact]
    public async Task The_schedule_ships_its_defaults_and_only_the_complaints_team_changes_it_in_a_new_configuration_version()
    {
        var shipped = await Dpo.GetRetentionScheduleAsync(new GetRetentionScheduleRequest());
        var compliment = new RetentionRule { Kind = RetentionKind.Compliment, Months = 60, Action = RetentionAction.Erase };

        var denied = await Refused(StatusCode.PermissionDenied, () => Dpo.UpdateRetentionScheduleAsync(new UpdateRetentionScheduleRequest
        {
            Rules = { compliment }, ExpectedVersion = shipped.ConfigurationVersion, ChangeReason = "Longer",
        }).ResponseAsync);
        var invalid = await Refused(StatusCode.InvalidArgument, () => TeamDp.UpdateRetentionScheduleAsync(new UpdateRetentionScheduleRequest
        {
            Rules = { new RetentionRule { Kind = RetentionKind.AccessLog, Months = 24, Action = RetentionAction.Anonymise } },
            ExpectedVersion = shipped.ConfigurationVersion, ChangeReason = "Keep the log",
        }).ResponseAsync);
        var updated = await TeamDp.UpdateRetentionScheduleAsync(new UpdateRetentionScheduleRequest
        {
            Rules = { compliment }, ExpectedVersion = shipped.ConfigurationVersion, ChangeReason = "Five years for compliments",
        });

        Assert.Equal(8, shipped.Rules.Count);
        Assert.Equal(72, shipped.Rules.Single(r => r.Kind == RetentionKind.ClosedCase).Months);
        Assert.Contains("only be erased", invalid.Status.Detail);
        Assert.Equal(shipped.ConfigurationVersion + 1, updated.ConfigurationVersion);
        Assert.Equal((60, RetentionAction.Erase), updated.Rules.Where(r => r.Kind == RetentionKind.Compliment).Select(r => (r.Months, r.Action)).Single());
        Assert.Equal(72, updated.Rules.Single(r => r.Kind == RetentionKind.ClosedCase).Months);
        var announced = (await fx.Host.OutboxEventsAsync<CouncilConfigurationChanged>()).Last();
        Assert.Equal(updated.ConfigurationVersion, announced.Version);
        Assert.Equal(60, announced.Retention.Rules.Single(r => r.Kind == RetentionKind.Compliment).Months);
    }
}
