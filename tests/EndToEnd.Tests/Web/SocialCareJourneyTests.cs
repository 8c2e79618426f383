using ComplaintsPlatform.CaseWorkflow.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplaintsPlatform.EndToEnd.Tests;

/// <summary>
/// The statutory social care procedures in Chromium, every step through its form: an adult complaint
/// (2009 regulations) with the offer to discuss, an agreed response period, its renegotiation and the
/// delay notice when it passes; a children's complaint (2006 regulations) from eligibility through all
/// three stages to the review panel's report and the council's response. The cases are opened through
/// the gateway's gRPC (the complaints team logging a complaint); everything after is done in the pages.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SocialCareJourneyTests(PlatformFixture platform)
{
    private const string AdultHandler = "officer-asc-02"; // Ruth Evans, Adult Social Care Assessment (1)
    private const string ChildrenStage1 = "officer-csc-02"; // Ben Carter, Children's Social Care (North)
    private const string ChildrenStage2 = "officer-csc-03"; // Nadia Hussain, Children's Social Care (South)
    private const string ChildrenStage3 = "officer-csc-01"; // Jo Bennett, allocated to the review stage (not signed in)

    [Fact]
    public async Task An_adult_complaint_has_its_period_agreed_renegotiated_and_a_delay_notice_when_it_passes()
    {
        // Logged late by the complaints team: received 90 days ago, so the renegotiated date has passed.
        var received = DateTime.UtcNow.Date.AddDays(-90);
        var c = await OpenAsync(ComplaintStream.AdultSocialCare, "adult-assessment", received.AddHours(10));

        await using var team = await platform.Staff.SignedInAsync(CaseworkerJourneyTests.TeamOfficer, "complaints_team", "adult-team");
        var t = team.Page;
        await t.GotoAsync($"/staff/cases/{c.Id}");
        await team.CheckAsync("adult-case-new");
        await t.GetByTestId("case-actions").GetByRole(AriaRole.Link, new() { Name = "Acknowledge", Exact = true }).ClickAsync();
        await t.GetByLabel("What the complaint is about").FillAsync("Home care visits were missed for two weeks");
        await t.GetByLabel("What the person wants").FillAsync("Reliable visits and an apology");
        await t.GetByRole(AriaRole.Group, new() { Name = "Did the acknowledgement offer to discuss how the complaint will be handled and the response period?" })
            .GetByLabel("No").CheckAsync();
        await Caseworker.DateAsync(t, "Date acknowledged", received.AddDays(1));
        await t.GetByRole(AriaRole.Button, new() { Name = "Acknowledge", Exact = true }).ClickAsync();
        await Caseworker.ExpectErrorAsync(t, "offer to discuss");
        await team.CheckAsync("adult-acknowledge-without-offer-refused");
        await t.GetByRole(AriaRole.Group, new() { Name = "Did the acknowledgement offer to discuss how the complaint will be handled and the response period?" })
            .GetByLabel("Yes").CheckAsync();
        await t.GetByRole(AriaRole.Group, new() { Name = "Did the person accept the offer to discuss?" }).GetByLabel("Yes").CheckAsync();
        await t.GetByRole(AriaRole.Button, new() { Name = "Acknowledge", Exact = true }).ClickAsync();
        await Expect(t.GetByTestId("done")).ToBeVisibleAsync();
        await Expect(t.GetByTestId("statutory")).ToContainTextAsync("Offered; accepted");
        await Caseworker.ActAsync(team, "Define an issue", async p =>
        {
            await p.GetByLabel("The issue to investigate").FillAsync("Missed home care visits");
            await Caseworker.DateAsync(p, "Date defined", received.AddDays(1));
        });
        await Caseworker.ActAsync(team, "Allocate", async p =>
        {
            await p.GetByLabel("Team").SelectOptionAsync("asc-locality-1");
            await p.GetByLabel("Handler").SelectOptionAsync(AdultHandler);
            await Caseworker.DateAsync(p, "Date allocated", received.AddDays(2));
        });

        await using var ruth = await platform.Staff.SignedInAsync(AdultHandler, "handler", "adult-handler");
        var h = ruth.Page;
        await h.GotoAsync($"/staff/cases/{c.Id}");
        var firstDue = received.AddDays(40);
        await Caseworker.ActAsync(ruth, "Agree the response period", async p =>
        {
            await Expect(p.GetByTestId("current-deadlines")).ToContainTextAsync("Six-month backstop");
            await Caseworker.DateAsync(p, "The response date agreed with the person", firstDue);
            await Caseworker.DateAsync(p, "Date agreed", received.AddDays(3));
        });
        await Expect(h.GetByTestId("agreed-periods")).ToContainTextAsync($"response by {firstDue:d MMM yyyy}");
        var renegotiated = received.AddDays(60);
        await Caseworker.ActAsync(ruth, "Agree the response period", async p =>
        {
            await Caseworker.DateAsync(p, "The response date agreed with the person", renegotiated);
            await Caseworker.DateAsync(p, "Date agreed", received.AddDays(35));
        });
        await Expect(h.GetByTestId("agreed-periods")).ToContainTextAsync($"Renegotiated on {received.AddDays(35):d MMM yyyy}: response by {renegotiated:d MMM yyyy}");
        await Expect(h.GetByTestId("deadlines")).ToContainTextAsync(renegotiated.ToString("d MMM yyyy"));
        var backstop = received.AddMonths(8);
        await Caseworker.ActAsync(ruth, "Extend the backstop", async p =>
        {
            await Caseworker.DateAsync(p, "The new backstop date the person agreed", backstop);
            await Caseworker.DateAsync(p, "Date the person agreed", received.AddDays(35));
        });
        await Expect(h.GetByTestId("backstop-extensions")).ToContainTextAsync(backstop.ToString("d MMM yyyy"));
        await Caseworker.ActAsync(ruth, "Record reasons for delay", p => p.GetByLabel("Why the response is delayed").FillAsync("We are waiting for the care provider's visit records"));
        await Expect(h.GetByTestId("delay-reasons")).ToContainTextAsync("care provider's visit records");

        // The agreed date passed without a response: the deadline watch sends the delay notice with the reasons.
        await Caseworker.Until(async () =>
        {
            await h.ReloadAsync();
            return !(await h.GetByTestId("delay-notices").InnerTextAsync()).Contains("None sent");
        }, "the delay notice is sent", TimeSpan.FromMinutes(3));
        await Expect(h.GetByTestId("delay-notices")).ToContainTextAsync("notice sent");
        await ruth.CheckAsync("adult-delay-notice");

        // Resolved with the response; the Ombudsman's details go with it.
        await Caseworker.ActAsync(ruth, "Send the response", p => Caseworker.FindingsAsync(p, "Upheld",
            "We are sorry the visits were missed. If you remain unhappy you may go to the Local Government and Social Care Ombudsman."));
        await Expect(h.GetByTestId("case-status")).ToContainTextAsync("Closed");
        await Expect(h.GetByTestId("stage-1-response")).ToContainTextAsync("late");
        await ruth.CheckAsync("adult-closed");

        // The timeline names people and writes dates out, as the rest of the page does.
        var timeline = h.GetByTestId("timeline");
        await Expect(timeline).ToContainTextAsync($"Response date agreed with the person: {firstDue:d MMMM yyyy}");
        await Expect(timeline).ToContainTextAsync("by the deadline watch (automatic)");
        await Expect(timeline).Not.ToContainTextAsync(AdultHandler);
    }

    [Fact]
    public async Task A_childrens_complaint_goes_from_eligibility_through_all_three_stages_to_the_panels_report_and_the_councils_response()
    {
        var c = await OpenAsync(ComplaintStream.ChildrenSocialCare, "childrens-social-care", DateTime.UtcNow.AddHours(-1));
        var caseUrl = $"/staff/cases/{c.Id}";

        await using var team = await platform.Staff.SignedInAsync(CaseworkerJourneyTests.TeamOfficer, "complaints_team", "children-team");
        var t = team.Page;
        await t.GotoAsync(caseUrl);
        await team.CheckAsync("children-case-new");
        await Expect(t.GetByTestId("case-actions")).Not.ToContainTextAsync("Acknowledge");
        await Caseworker.ActAsync(team, "Record eligibility", p => p.GetByLabel("A child or young person").CheckAsync());
        await Expect(t.GetByTestId("eligibility")).ToContainTextAsync("A child or young person");
        await Caseworker.ActAsync(team, "Record the advocacy offer", p => p.GetByLabel("Accepted").CheckAsync());
        await Expect(t.GetByTestId("advocate")).ToContainTextAsync("accepted");
        await Caseworker.ActAsync(team, "Acknowledge", async p =>
        {
            await p.GetByLabel("What the complaint is about").FillAsync("Contact with my brother was stopped without explanation");
            await p.GetByLabel("What the person wants").FillAsync("Contact restored and an explanation");
        });
        await Caseworker.ActAsync(team, "Define an issue", p => p.GetByLabel("The issue to investigate").FillAsync("Sibling contact ended without explanation"));
        await Caseworker.ActAsync(team, "Allocate", async p =>
        {
            await p.GetByLabel("Team").SelectOptionAsync("cin-north");
            await p.GetByLabel("Handler").SelectOptionAsync(ChildrenStage1);
        });

        await using var ben = await platform.Staff.SignedInAsync(ChildrenStage1, "handler", "children-stage1");
        await ben.Page.GotoAsync(caseUrl);
        await Expect(ben.Page.GetByTestId("deadlines")).ToContainTextAsync("10 working days");
        await Caseworker.ActAsync(ben, "Send the response", p => Caseworker.FindingsAsync(p, "Not upheld", "Stage 1: contact was paused for a review, which is now complete."));

        await t.GotoAsync(caseUrl);
        await Caseworker.ActAsync(team, "Record a request to escalate", p => p.GetByLabel("Why the person is still dissatisfied").FillAsync("Nobody explained the review"));
        await Caseworker.ActAsync(team, "Accept the escalation", _ => Task.CompletedTask);
        await Caseworker.ActAsync(team, "Allocate", async p =>
        {
            await p.GetByLabel("Team").SelectOptionAsync("cin-south");
            await p.GetByLabel("Handler").SelectOptionAsync(ChildrenStage2);
        });
        await Caseworker.ActAsync(team, "Acknowledge", async p =>
        {
            await p.GetByLabel("What the complaint is about").FillAsync("The Stage 1 answer did not explain the review");
            await p.GetByLabel("What the person wants").FillAsync("An independent investigation");
        });
        await Expect(t.GetByTestId("case-actions")).Not.ToContainTextAsync("Send the response");
        await Caseworker.ActAsync(team, "Appoint the Independent Person", p => p.GetByLabel("Independent Person").FillAsync("Pat Independent"));
        await Expect(t.GetByTestId("independent-person")).ToContainTextAsync("Pat Independent");
        await Caseworker.ActAsync(team, "Record the agreed complaint", p => p.GetByLabel("The complaint as agreed with the person")
            .FillAsync("1. Contact with my brother was stopped. 2. Nobody explained why."));
        await Expect(t.GetByTestId("agreed-record")).ToContainTextAsync("Nobody explained why");
        await Expect(t.GetByTestId("deadlines")).ToContainTextAsync("25 working days");

        await using var nadia = await platform.Staff.SignedInAsync(ChildrenStage2, "handler", "children-stage2");
        await nadia.Page.GotoAsync(caseUrl);
        await Caseworker.ActAsync(nadia, "Send the response", p => Caseworker.FindingsAsync(p, "Partly upheld", "Stage 2: the review was right but was not explained; we apologise."));
        await Expect(nadia.Page.GetByTestId("stage-2-response")).ToContainTextAsync("Sent");

        await t.GotoAsync(caseUrl);
        await Caseworker.ActAsync(team, "Record a request to escalate", p => p.GetByLabel("Why the person is still dissatisfied").FillAsync("A review panel, please"));
        await Caseworker.ActAsync(team, "Accept the escalation", _ => Task.CompletedTask);
        await Expect(t.GetByTestId("deadlines")).ToContainTextAsync("Review panel meets");
        await Caseworker.ActAsync(team, "Allocate", async p =>
        {
            await p.GetByLabel("Team").SelectOptionAsync("cin-north");
            await p.GetByLabel("Handler").SelectOptionAsync(ChildrenStage3);
        });
        await Caseworker.ActAsync(team, "Acknowledge", async p =>
        {
            await p.GetByLabel("What the complaint is about").FillAsync("A review of the Stage 2 investigation");
            await p.GetByLabel("What the person wants").FillAsync("A review panel");
        });
        await t.GetByTestId("case-actions").GetByRole(AriaRole.Link, new() { Name = "Appoint the review panel", Exact = true }).ClickAsync();
        await t.GetByLabel("First panel member").FillAsync("Pat Independent");
        await t.GetByLabel("Second panel member").FillAsync("Lee Chair");
        await t.GetByLabel("Third panel member").FillAsync("Sam Member");
        await t.GetByRole(AriaRole.Button, new() { Name = "Appoint the review panel", Exact = true }).ClickAsync();
        await Caseworker.ExpectErrorAsync(t, "Independent Person");
        await team.CheckAsync("children-panel-not-independent");
        await t.GetByLabel("First panel member").FillAsync("Kim Reviewer");
        await t.GetByRole(AriaRole.Button, new() { Name = "Appoint the review panel", Exact = true }).ClickAsync();
        await Expect(t.GetByTestId("panel")).ToContainTextAsync("Kim Reviewer, Lee Chair, Sam Member");
        await Caseworker.ActAsync(team, "Record the panel meeting", p => Expect(p.GetByTestId("step-due")).ToContainTextAsync("must meet by"));
        await Expect(t.GetByTestId("deadlines")).ToContainTextAsync("Panel report");
        await Caseworker.ActAsync(team, "Record the panel's report", p => Expect(p.GetByTestId("step-due")).ToContainTextAsync("report is due by"));
        await Expect(t.GetByTestId("panel")).Not.ToContainTextAsync("Report: not yet");
        await Expect(t.GetByTestId("deadlines")).ToContainTextAsync("15 working days");
        await team.CheckAsync("children-panel-reported");
        await Caseworker.ActAsync(team, "Send the response", p => Caseworker.FindingsAsync(p, "Partly upheld",
            "The council accepts the panel's recommendations. You may go to the Local Government and Social Care Ombudsman."));
        await Expect(t.GetByTestId("stage-3-response")).ToContainTextAsync("Sent");
        await Expect(t.GetByTestId("timeline")).ToContainTextAsync("Panel reported");
    }

    private async Task<Case> OpenAsync(ComplaintStream stream, string area, DateTime receivedUtc)
    {
        var cases = new CaseWorkflow.V1.Cases.CasesClient(platform.GatewayChannel());
        var team = new CallOptions(new Metadata { { "Authorization", $"Bearer {platform.Token("complaints_team")}" } });
        return await cases.OpenCaseAsync(new OpenCaseRequest
        {
            Stream = stream, ServiceAreaId = area, ReceivedAt = Timestamp.FromDateTime(DateTime.SpecifyKind(receivedUtc, DateTimeKind.Utc)),
            PersonId = "person-" + Guid.NewGuid().ToString("N")[..8],
        }, team);
    }
}
