using System.Text.RegularExpressions;
using ComplaintsPlatform.CaseWorkflow.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplaintsPlatform.EndToEnd.Tests;

/// <summary>
/// Each role's limits in the browser: a housing escalation offers no refusal; a handler cannot open
/// another team's case; a service lead reads their directorate's case but changes nothing; and two
/// officers editing one case do not lose an update; and the workspace works without JavaScript. Cases are set up through the gateway's gRPC.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CaseworkerLimitsTests(PlatformFixture platform)
{
    private const string LibrariesHandler = "officer-lib-01"; // Sam Patel
    private const string ServiceLead = "officer-asc-01"; // Chris Walker, Adults and Communities

    [Fact]
    public async Task A_housing_escalation_can_be_accepted_but_offers_no_refusal()
    {
        var c = await ReadyAsync(ComplaintStream.Housing, "highways-maintenance", "highways-north", CaseworkerJourneyTests.Stage1Handler);
        var cases = Cases();
        var issue = c.Issues.Single().Id;
        await cases.RecordResponseAsync(new RecordResponseRequest
        {
            CaseId = c.Id, Findings = { new IssueFinding { IssueId = issue, Finding = Finding.NotUpheld } }, Overall = Finding.NotUpheld, Text = "We found no fault.",
        }, Team);
        await cases.RequestEscalationAsync(new RequestEscalationRequest { CaseId = c.Id }, Team);

        await using var team = await platform.Staff.SignedInAsync(CaseworkerJourneyTests.TeamOfficer, "complaints_team", "housing-team");
        var page = team.Page;
        await page.GotoAsync($"/staff/cases/{c.Id}");
        await Expect(page.GetByTestId("case-actions")).ToContainTextAsync("Accept the escalation");
        await Expect(page.GetByTestId("case-actions")).Not.ToContainTextAsync("Refuse");
        await team.CheckAsync("housing-escalation-requested");

        var refused = await page.GotoAsync($"/staff/cases/{c.Id}/refuse-escalation");
        Assert.Equal(403, refused!.Status);
        await team.CheckAsync("housing-refusal-not-offered");

        await page.GotoAsync($"/staff/cases/{c.Id}");
        await Caseworker.ActAsync(team, "Accept the escalation", _ => Task.CompletedTask);
        await Expect(page.GetByTestId("case-stage")).ToContainTextAsync("2");
    }

    [Fact]
    public async Task A_handler_cannot_open_a_case_that_is_not_theirs_or_their_teams()
    {
        var c = await ReadyAsync(ComplaintStream.Corporate, "libraries", "libraries-team", LibrariesHandler);

        await using var priya = await platform.Staff.SignedInAsync(CaseworkerJourneyTests.Stage1Handler, "handler", "handler-other-case");
        var page = priya.Page;
        var response = await page.GotoAsync($"/staff/cases/{c.Id}");
        Assert.Equal(403, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You cannot open this" })).ToBeVisibleAsync();
        await priya.CheckAsync("not-your-case");
        await page.GotoAsync("/staff/cases");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = c.Reference })).ToHaveCountAsync(0);
        await priya.CheckAsync("queue-without-it");
    }

    [Fact]
    public async Task A_service_lead_reads_their_directorates_case_but_is_offered_no_change_and_cannot_make_one()
    {
        var c = await ReadyAsync(ComplaintStream.Corporate, "libraries", "libraries-team", LibrariesHandler);

        await using var lead = await platform.Staff.SignedInAsync(ServiceLead, "service_lead", "service-lead");
        var page = lead.Page;
        await page.GotoAsync("/staff/cases");
        await page.GetByRole(AriaRole.Link, new() { Name = c.Reference }).ClickAsync();
        await Expect(page.GetByTestId("no-actions")).ToBeVisibleAsync();
        await lead.CheckAsync("read-only-case");

        var extend = await page.GotoAsync($"/staff/cases/{c.Id}/extend");
        Assert.Equal(403, extend!.Status);
        await lead.CheckAsync("extend-refused");
    }

    [Fact]
    public async Task When_two_officers_edit_one_case_the_second_is_told_it_changed_and_keeps_what_they_typed()
    {
        var c = await ReadyAsync(ComplaintStream.Corporate, "highways-maintenance", "highways-north", CaseworkerJourneyTests.Stage1Handler);

        await using var team = await platform.Staff.SignedInAsync(CaseworkerJourneyTests.TeamOfficer, "complaints_team", "two-officers-team");
        await using var priya = await platform.Staff.SignedInAsync(CaseworkerJourneyTests.Stage1Handler, "handler", "two-officers-handler");
        await team.Page.GotoAsync($"/staff/cases/{c.Id}/define-issue");
        await team.Page.GetByLabel("The issue to investigate").FillAsync("The officer did not call back");

        await priya.Page.GotoAsync($"/staff/cases/{c.Id}");
        await Caseworker.ActAsync(priya, "Extend the deadline", async p =>
        {
            await p.GetByLabel("Extend by how many working days").FillAsync("2");
            await p.GetByLabel("Why more time is needed").FillAsync("Waiting for the crew's notes");
        });

        await team.Page.GetByRole(AriaRole.Button, new() { Name = "Define an issue" }).ClickAsync();
        await Caseworker.ExpectErrorAsync(team.Page, "This case changed since you opened it");
        await Expect(team.Page.GetByLabel("The issue to investigate")).ToHaveValueAsync("The officer did not call back");
        await Expect(team.Page.GetByTestId("case-changed")).ToBeVisibleAsync();
        await team.CheckAsync("case-changed");

        await team.Page.GetByRole(AriaRole.Button, new() { Name = "Define an issue" }).ClickAsync();
        await Expect(team.Page.GetByTestId("issues")).ToContainTextAsync("The officer did not call back");
        await Expect(team.Page.GetByTestId("deadlines")).ToContainTextAsync("extended by 2 working days");
        await team.CheckAsync("both-changes-kept");
    }

    [Fact]
    public async Task Without_JavaScript_the_queue_filters_and_sorts_and_an_action_is_taken_with_its_errors_on_the_page()
    {
        var c = await ReadyAsync(ComplaintStream.Corporate, "highways-maintenance", "highways-north", CaseworkerJourneyTests.Stage1Handler);

        await using var team = await platform.Staff.SignedInAsync(CaseworkerJourneyTests.TeamOfficer, "complaints_team", "no-javascript", javaScript: false);
        var page = team.Page;
        await page.GotoAsync("/staff/cases");
        await page.GetByLabel("Stream", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Corporate" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("Stream=Corporate"));
        await Expect(page.GetByTestId("queue")).ToContainTextAsync("Corporate");
        var received = page.GetByRole(AriaRole.Columnheader, new() { Name = "Received" });
        await received.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(received).ToHaveAttributeAsync("aria-sort", "ascending");
        await received.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(received).ToHaveAttributeAsync("aria-sort", "descending");
        await Expect(page).ToHaveURLAsync(new Regex("Stream=Corporate"));
        await team.CheckAsync("queue-filtered-and-sorted");

        await page.GotoAsync($"/staff/cases/{c.Id}");
        await page.GetByTestId("deadlines").Locator("summary").First.ClickAsync();
        await Expect(page.GetByTestId("deadlines")).ToContainTextAsync("Policy version");
        await page.GetByTestId("case-actions").GetByRole(AriaRole.Link, new() { Name = "Define an issue", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Define an issue" }).ClickAsync();
        await Caseworker.ExpectErrorAsync(page);
        await Expect(page.GetByLabel("The issue to investigate")).ToHaveAttributeAsync("aria-describedby", new Regex("-error"));
        await team.CheckAsync("define-issue-error");
        await page.GetByLabel("The issue to investigate").FillAsync("The crew did not return to finish the job");
        await page.GetByRole(AriaRole.Button, new() { Name = "Define an issue" }).ClickAsync();
        await Expect(page.GetByTestId("done")).ToContainTextAsync("Define an issue");
        await Expect(page.GetByTestId("issues")).ToContainTextAsync("The crew did not return to finish the job");
        await team.CheckAsync("define-issue-done");

        await page.GotoAsync("/staff/triage");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Triage", Exact = true })).ToBeVisibleAsync();
        await team.CheckAsync("triage-queue");
    }

    private CaseWorkflow.V1.Cases.CasesClient Cases() => new(platform.GatewayChannel());

    private CallOptions Team => new(new Metadata { { "Authorization", $"Bearer {platform.Token("complaints_team")}" } });

    /// <summary>Opened an hour ago, acknowledged, one issue, allocated.</summary>
    private async Task<Case> ReadyAsync(ComplaintStream stream, string area, string teamId, string handler)
    {
        var cases = Cases();
        var c = await cases.OpenCaseAsync(new OpenCaseRequest
        {
            Stream = stream, ServiceAreaId = area, ReceivedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(-1)),
            PersonId = "person-" + Guid.NewGuid().ToString("N")[..8],
        }, Team);
        await cases.AcknowledgeAsync(new AcknowledgeRequest { CaseId = c.Id, About = "A repair was not done", OutcomeSought = "Do the repair" }, Team);
        await cases.DefineIssueAsync(new DefineIssueRequest { CaseId = c.Id, Summary = "Delay" }, Team);
        return await cases.AllocateAsync(new AllocateRequest { CaseId = c.Id, ServiceAreaId = area, TeamId = teamId, HandlerId = handler }, Team);
    }
}
