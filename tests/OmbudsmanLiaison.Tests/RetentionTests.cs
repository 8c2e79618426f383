using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.Retention;
using ComplaintsPlatform.TestInfrastructure;
using Google.Type;
using Npgsql;
using Xunit;
using Client = ComplaintsPlatform.Ombudsman.V1.OmbudsmanLiaison.OmbudsmanLiaisonClient;
using OmbudsmanBody = ComplaintsPlatform.Ombudsman.V1.Ombudsman;
using RetentionClient = ComplaintsPlatform.Ombudsman.V1.Retention.RetentionClient;

namespace ComplaintsPlatform.OmbudsmanLiaison.Tests;

/// <summary>
/// OmbudsmanLiaison's retention job: a decided enquiry keeps its references, codes, dates and amounts
/// and loses every summary, note, evidence and file name; an open one is never due; a legal hold on
/// its case keeps it. (The schedule and holds arrive on CaseWorkflow's feed; that path is the shared
/// RetentionFeed, proved in Compliments and Intake, so here they are written as the feed would.)
/// </summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private const string Marker = "ZQXMARKER-ombudsman";

    private OmbudsmanHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await OmbudsmanHost.StartAsync();
        _host.CaseWorkflow.Cases["CMP-2019-0001"] = new FoundCase
        {
            CaseId = "case-1", Reference = "CMP-2019-0001", Stream = ComplaintStream.Corporate,
            DirectorateId = "environment", ServiceAreaId = "highways", Status = CaseWorkflow.V1.CaseStatus.Closed,
        };
        foreach (var rule in RetentionSchedule.Complete([]))
        {
            await SqlAsync("INSERT INTO ombudsman.retention_rules (kind, after, months, action, configuration_version) VALUES (@k, @a, @m, @x, 1)",
                ("k", (int)rule.Kind), ("a", (int)rule.After), ("m", rule.Months), ("x", (int)rule.Action));
        }
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Client LinkOfficer => new(_host.CreateChannel(TestIdentity.Token(Roles.LinkOfficer, "link-officer-1")));

    private RetentionClient Jobs => new(_host.CreateChannel(TestIdentity.Token(Roles.DataProtectionOfficer, "dpo-1")));

    private static Date D(int y, int m, int d) => new() { Year = y, Month = m, Day = d };

    private static RunRetentionRequest AsOf(int y, int m, int d) => new() { AsOf = D(y, m, d) };

    private async Task SqlAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var conn = new NpgsqlConnection(_host.Database.ConnectionStrings["ombudsman-liaison-db"]);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }
        await cmd.ExecuteNonQueryAsync();
    }

    private async Task<string> SchemaTextAsync()
    {
        await using var conn = new NpgsqlConnection(_host.Database.ConnectionStrings["ombudsman-liaison-db"]);
        await conn.OpenAsync();
        var text = new System.Text.StringBuilder();
        foreach (var table in new[] { "enquiries", "information_requests", "correspondence", "recommendations", "reminder_queue" })
        {
            await using var cmd = new NpgsqlCommand($"SELECT coalesce(string_agg(t::text, ''), '') FROM ombudsman.{table} t", conn);
            text.Append((string)(await cmd.ExecuteScalarAsync())!);
        }
        return text.ToString();
    }

    /// <summary>An upheld enquiry decided on 10 May 2019, with the marker in every text and file name the link officer gives.</summary>
    private async Task<Enquiry> DecidedEnquiryAsync(string reference, bool decided = true)
    {
        var officer = LinkOfficer;
        var document = new DocumentMetadata { FileName = Marker + ".pdf", ContentType = "application/pdf", SizeBytes = 1234, DocumentReference = "edrms:" + Marker };
        var enquiry = await officer.RegisterEnquiryAsync(new RegisterEnquiryRequest
        {
            Ombudsman = OmbudsmanBody.Lgsco, OmbudsmanReference = reference, ReceivedOn = D(2019, 3, 4),
            DirectorateId = "environment", CaseReference = "CMP-2019-0001", PreAllocation = true, Summary = Marker + " summary",
        });
        enquiry = await officer.RecordInformationRequestAsync(new RecordInformationRequestRequest
        {
            EnquiryId = enquiry.Id, RequestedOn = D(2019, 3, 4), Summary = Marker + " request", Document = document,
        });
        enquiry = await officer.RecordCorrespondenceAsync(new RecordCorrespondenceRequest
        {
            EnquiryId = enquiry.Id, Direction = Direction.Out, OccurredOn = D(2019, 3, 10), Summary = Marker + " letter", Document = document,
        });
        if (!decided)
        {
            return enquiry;
        }
        enquiry = await officer.RecordDecisionAsync(new RecordDecisionRequest
        {
            EnquiryId = enquiry.Id, Decision = OmbudsmanDecision.Upheld, DecidedOn = D(2019, 5, 10), Injustice = true, Note = Marker + " note",
        });
        enquiry = await officer.AgreeRecommendationAsync(new AgreeRecommendationRequest
        {
            EnquiryId = enquiry.Id, Type = RecommendationType.Financial, Description = Marker + " payment", AmountPence = 25000,
            AgreedOn = D(2019, 5, 12), DueOn = D(2019, 6, 12),
        });
        return await officer.CompleteRecommendationAsync(new CompleteRecommendationRequest
        {
            EnquiryId = enquiry.Id, RecommendationId = enquiry.Recommendations[0].Id, CompletedOn = D(2019, 6, 1),
            Evidence = Marker + " evidence", EvidenceDocument = document,
        });
    }

    [Fact]
    public async Task A_decided_enquiry_is_anonymised_six_years_after_the_decision_keeping_references_codes_dates_and_amounts()
    {
        var enquiry = await DecidedEnquiryAsync("19 000 001");
        Assert.Contains(Marker, await SchemaTextAsync());

        var early = await Jobs.RunRetentionAsync(AsOf(2025, 5, 9));
        var due = await Jobs.RunRetentionAsync(AsOf(2025, 5, 10));

        Assert.Empty(early.Removed);
        Assert.Contains(due.Removed, r => (r.Kind, r.Action, r.RecordId) == (RetentionKind.OmbudsmanEnquiry, RetentionAction.Anonymise, enquiry.Id));
        Assert.DoesNotContain(Marker, await SchemaTextAsync());
        var kept = await LinkOfficer.GetEnquiryAsync(new GetEnquiryRequest { EnquiryId = enquiry.Id });
        Assert.Equal(("19 000 001", OmbudsmanDecision.Upheld, D(2019, 5, 10), 25000L),
            (kept.OmbudsmanReference, kept.Decision.Decision_, kept.Decision.DecidedOn, kept.Recommendations[0].AmountPence));
        Assert.Equal(1L, await _host.CountAsync("outbox_events WHERE event_type = 'complaints.common.v1.PersonalDataRemoved'"));
        Assert.Equal(0L, await _host.CountAsync($"outbox_events WHERE position('{Marker}'::bytea in payload) > 0"));
    }

    [Fact]
    public async Task An_enquiry_still_awaiting_the_Ombudsmans_decision_is_never_due()
    {
        var enquiry = await DecidedEnquiryAsync("19 000 002", decided: false);

        var run = await Jobs.RunRetentionAsync(AsOf(2099, 1, 1));

        Assert.DoesNotContain(run.Removed, r => r.RecordId == enquiry.Id);
        Assert.Contains(Marker, await SchemaTextAsync());
    }

    [Fact]
    public async Task A_legal_hold_on_the_case_keeps_its_enquiry()
    {
        var enquiry = await DecidedEnquiryAsync("19 000 003");
        await SqlAsync("INSERT INTO ombudsman.legal_holds_applied (hold_id, person_id, case_ids, contact_ids, changed_at) VALUES ('hold-1', NULL, ARRAY['case-1'], ARRAY[]::text[], now())");

        var run = await Jobs.RunRetentionAsync(AsOf(2030, 1, 1));

        Assert.DoesNotContain(run.Removed, r => r.RecordId == enquiry.Id);
        Assert.Equal(1, run.Counts.Single(c => c.Kind == RetentionKind.OmbudsmanEnquiry).Held);
        Assert.Contains(Marker, await SchemaTextAsync());
    }
}
