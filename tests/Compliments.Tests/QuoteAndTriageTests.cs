using ComplaintsPlatform.Compliments.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Intake.V1;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using static ComplaintsPlatform.Compliments.Tests.Council;

namespace ComplaintsPlatform.Compliments.Tests;

public sealed class QuoteAndTriageTests : IAsyncLifetime
{
    private ComplimentsHost _host = null!;

    public async Task InitializeAsync() => _host = await ComplimentsHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<string> TriagedComplimentAsync(string contactId)
    {
        _host.Intake.Publish(new ContactTriaged
        {
            ContactId = contactId,
            Reference = "CON-" + contactId,
            PersonId = "person-" + contactId,
            Decision = TriageDecision.Compliment,
            ServiceAreaId = Waste,
            Kind = ContactKind.Compliment,
            Channel = Channel.OnlineForm,
            ReceivedAt = Timestamp.FromDateTime(new DateTime(2025, 6, 2, 9, 0, 0, DateTimeKind.Utc)),
            TriagedAt = Timestamp.FromDateTime(new DateTime(2025, 6, 3, 9, 0, 0, DateTimeKind.Utc)),
            TriagedBy = "team-officer",
        });
        await _host.WaitForFeedAsync("intake", _host.Intake.Head);
        var list = await _host.Team().ListComplimentsAsync(new ListComplimentsRequest { ServiceAreaId = Waste, IncludeSentBack = true });
        return list.Compliments.Single(c => c.ContactId == contactId).ComplimentId;
    }

    [Fact]
    public async Task Consent_to_quote_needs_anonymised_text_and_only_consented_compliments_reach_the_report_sample()
    {
        var team = _host.Team();
        var quoted = await team.RecordComplimentAsync(FromThePublic(serviceArea: Libraries, team: LibrariesCentral, receivedOn: Day(2024, 9, 1)));
        var unquoted = await team.RecordComplimentAsync(FromThePublic(serviceArea: Libraries, team: LibrariesCentral, receivedOn: Day(2024, 9, 2)));

        var identifying = await Assert.ThrowsAsync<RpcException>(async () => await team.SetQuoteConsentAsync(new SetQuoteConsentRequest
        {
            ComplimentId = quoted.ComplimentId, ConsentToQuote = true, QuotableText = "Lovely staff - write to jo.bloggs@example.org",
        }));
        Assert.Equal(StatusCode.InvalidArgument, identifying.StatusCode);
        Assert.Contains(identifying.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations, v => v.Field == "quotable_text");
        var withoutText = await Assert.ThrowsAsync<RpcException>(async () => await team.SetQuoteConsentAsync(new SetQuoteConsentRequest
        {
            ComplimentId = quoted.ComplimentId, ConsentToQuote = true,
        }));
        Assert.Equal(StatusCode.InvalidArgument, withoutText.StatusCode);

        var consented = await team.SetQuoteConsentAsync(new SetQuoteConsentRequest
        {
            ComplimentId = quoted.ComplimentId, ConsentToQuote = true, QuotableText = "The library staff went out of their way to help me.",
        });

        Assert.True(consented.ConsentToQuote);
        var sample = await team.SampleQuotableComplimentsAsync(new SampleQuotableComplimentsRequest { Basis = YearBasis.Financial, Year = 2024 });
        var only = Assert.Single(sample.Compliments);
        Assert.Equal((quoted.ComplimentId, "The library staff went out of their way to help me."), (only.ComplimentId, only.QuotableText));
        Assert.DoesNotContain(sample.Compliments, c => c.ComplimentId == unquoted.ComplimentId);
        Assert.True(Assert.Single(await _host.OutboxAsync<QuoteConsentChanged>()).ConsentToQuote);
    }

    [Fact]
    public async Task Withdrawn_consent_takes_the_quotable_text_out_of_the_sample()
    {
        var team = _host.Team();
        var recorded = FromThePublic(serviceArea: Libraries, team: LibrariesCentral, receivedOn: Day(2024, 9, 1));
        recorded.ConsentToQuote = true;
        recorded.QuotableText = "Brilliant help with my research.";
        var compliment = await team.RecordComplimentAsync(recorded);

        var withdrawn = await team.SetQuoteConsentAsync(new SetQuoteConsentRequest { ComplimentId = compliment.ComplimentId, ConsentToQuote = false });

        Assert.False(withdrawn.ConsentToQuote);
        Assert.Equal("", withdrawn.QuotableText);
        var sample = await team.SampleQuotableComplimentsAsync(new SampleQuotableComplimentsRequest { Basis = YearBasis.Calendar, Year = 2024 });
        Assert.Empty(sample.Compliments);
    }

    [Fact]
    public async Task A_compliment_that_is_really_a_complaint_goes_back_to_Intakes_triage_and_is_no_longer_counted()
    {
        var id = await TriagedComplimentAsync("contact-41");

        var sentBack = await _host.Team().SendBackToTriageAsync(new SendBackToTriageRequest
        {
            ComplimentId = id, Reason = RetriageReason.IsComplaint,
        });

        Assert.Equal(ComplimentStatus.SentBackToTriage, sentBack.Status);
        var evt = Assert.Single(await _host.OutboxAsync<ComplimentSentBackToTriage>());
        Assert.Equal((id, "contact-41", "IS_COMPLAINT", "team-officer"), (evt.ComplimentId, evt.ContactId, evt.ReasonCode, evt.SentBackBy));
        var counts = await _host.Team().CountComplimentsAsync(new CountComplimentsRequest { Basis = YearBasis.Financial, FromYear = 2025, ToYear = 2025 });
        Assert.Equal(0, counts.Totals.Single().Count);
        var again = await Assert.ThrowsAsync<RpcException>(async () => await _host.Team().SendBackToTriageAsync(
            new SendBackToTriageRequest { ComplimentId = id, Reason = RetriageReason.IsServiceRequest }));
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
    }

    [Fact]
    public async Task A_compliment_staff_recorded_directly_has_no_triage_to_go_back_to()
    {
        var direct = await _host.Team().RecordComplimentAsync(FromThePublic());

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await _host.Team().SendBackToTriageAsync(
            new SendBackToTriageRequest { ComplimentId = direct.ComplimentId, Reason = RetriageReason.IsServiceRequest }));

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Contains("Intake", ex.Status.Detail);
        Assert.Empty(await _host.OutboxAsync<ComplimentSentBackToTriage>());
    }

    [Fact]
    public async Task Only_the_complaints_team_sends_a_compliment_back_to_triage()
    {
        var id = await TriagedComplimentAsync("contact-42");

        var status = await StatusOf(async () => await _host.Client(Roles.Staff, "team-officer").SendBackToTriageAsync(
            new SendBackToTriageRequest { ComplimentId = id, Reason = RetriageReason.IsComplaint }));

        Assert.Equal(StatusCode.PermissionDenied, status);
    }
}
