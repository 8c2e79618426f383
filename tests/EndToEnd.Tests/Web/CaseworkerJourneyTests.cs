using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplaintsPlatform.EndToEnd.Tests;

/// <summary>
/// A corporate complaint from the public form to closure in Chromium, as the complaints team and two
/// handlers would work it: triage, acknowledgement, issues, allocation, extension, a draft returned and
/// approved, the response, escalation, Stage 2 by a different handler, a remedy paid and lessons reviewed.
/// Every page is screenshotted and checked with axe.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CaseworkerJourneyTests(PlatformFixture platform)
{
    public const string TeamOfficer = "officer-lo-01"; // Morgan Reid, in the complaints team for these journeys
    public const string Stage1Handler = "officer-hwy-01"; // Priya Shah, Highways North
    public const string Stage2Handler = "officer-hwy-02"; // Tom Ellis, Highways South

    [Fact]
    public async Task A_corporate_complaint_goes_from_the_public_form_through_both_stages_to_a_paid_remedy_and_reviewed_lessons()
    {
        var reference = await Caseworker.SubmitPublicComplaintAsync(platform, "Highway Repair and Maintenance",
            $"The pothole outside 4 Mill Lane was reported twice and never filled ({Guid.NewGuid():N}).");

        await using var team = await platform.Staff.SignedInAsync(TeamOfficer, "complaints_team", "corporate-team");
        var t = team.Page;
        await t.GotoAsync("/staff/triage");
        await team.CheckAsync("triage-queue");
        await t.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await team.CheckAsync("triage-contact");
        await t.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Caseworker.ExpectErrorAsync(t);
        await team.CheckAsync("triage-error");
        await t.GetByLabel("Complaint", new() { Exact = true }).CheckAsync();
        await t.GetByLabel("Stream (complaints)").SelectOptionAsync(new SelectOptionValue { Label = "Corporate" });
        await t.GetByLabel("Service area").SelectOptionAsync(new SelectOptionValue { Label = "Highway Repair and Maintenance" });
        await t.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Expect(t.GetByTestId("done")).ToContainTextAsync("Complaint");
        await Caseworker.Until(async () =>
        {
            if (await t.GetByTestId("open-case").CountAsync() > 0)
            {
                return true;
            }
            await t.ReloadAsync();
            return false;
        }, "the case is opened from the triage");
        await t.GetByTestId("open-case").ClickAsync();
        await Expect(t.GetByTestId("case-reference")).ToHaveTextAsync(reference);
        await team.CheckAsync("case-new");
        var caseUrl = t.Url;

        await Caseworker.ActAsync(team, "Acknowledge", async p =>
        {
            await p.GetByLabel("What the complaint is about").FillAsync("A reported pothole on Mill Lane was not repaired");
            await p.GetByLabel("What the person wants").FillAsync("The pothole filled and an explanation");
        });
        await Caseworker.ActAsync(team, "Define an issue", p => p.GetByLabel("The issue to investigate").FillAsync("Delay in repairing a reported pothole"));
        await Caseworker.ActAsync(team, "Allocate", async p =>
        {
            await p.GetByLabel("Team").SelectOptionAsync("highways-north");
            await p.GetByLabel("Handler").SelectOptionAsync(Stage1Handler);
        });
        await Expect(t.GetByTestId("case-handler")).ToContainTextAsync("Priya Shah");

        await using var priya = await platform.Staff.SignedInAsync(Stage1Handler, "handler", "corporate-stage1");
        var p1 = priya.Page;
        await p1.GotoAsync(caseUrl);
        await priya.CheckAsync("case-as-handler");
        await Expect(p1.GetByTestId("case-actions")).Not.ToContainTextAsync("Acknowledge");
        await Caseworker.ActAsync(priya, "Extend the deadline", async p =>
        {
            await p.GetByLabel("Extend by how many working days").FillAsync("5");
            await p.GetByLabel("Why more time is needed").FillAsync("Waiting for the contractor's inspection report");
        });
        await Expect(p1.GetByTestId("deadlines")).ToContainTextAsync("extended by 5 working days");
        await Caseworker.ActAsync(priya, "Draft the response", p => Caseworker.FindingsAsync(p, "Upheld", "We are sorry: the repair was missed. It was filled on Friday."));

        await t.GotoAsync(caseUrl);
        await Caseworker.ActAsync(team, "Review the draft", async p =>
        {
            await p.GetByLabel("Return it with comments").CheckAsync();
            await p.GetByLabel("Comments", new() { Exact = true }).FillAsync("Say when the crew will return to check it");
        });
        await p1.GotoAsync(caseUrl);
        await Expect(p1.GetByTestId("case-actions")).Not.ToContainTextAsync("Send the response");
        await Caseworker.ActAsync(priya, "Draft the response", p => Caseworker.FindingsAsync(p, "Upheld",
            "We are sorry: the repair was missed. It was filled on Friday and the crew will check it next week."));
        await t.GotoAsync(caseUrl);
        await Caseworker.ActAsync(team, "Review the draft", p => p.GetByLabel("Approve the draft").CheckAsync());
        await p1.GotoAsync(caseUrl);
        await Caseworker.ActAsync(priya, "Send the response", _ => Task.CompletedTask);
        await Expect(p1.GetByTestId("case-status")).ToContainTextAsync("Closed");

        await t.GotoAsync(caseUrl);
        await Caseworker.ActAsync(team, "Record a request to escalate", p => p.GetByLabel("Why the person is still dissatisfied").FillAsync("The road is breaking up again"));
        await Caseworker.ActAsync(team, "Accept the escalation", _ => Task.CompletedTask);
        await Expect(t.GetByTestId("case-stage")).ToContainTextAsync("2");
        await Caseworker.ActAsync(team, "Acknowledge", async p =>
        {
            await p.GetByLabel("What the complaint is about").FillAsync("The repair did not last");
            await p.GetByLabel("What the person wants").FillAsync("A lasting repair");
        });
        // Stage 2 must be considered by someone other than Stage 1's handler: the service says no, the page shows why.
        await t.GetByRole(AriaRole.Link, new() { Name = "Allocate", Exact = true }).ClickAsync();
        await t.GetByLabel("Team").SelectOptionAsync("highways-north");
        await t.GetByLabel("Handler").SelectOptionAsync(Stage1Handler);
        await t.GetByRole(AriaRole.Button, new() { Name = "Allocate" }).ClickAsync();
        await Caseworker.ExpectErrorAsync(t, "someone other than");
        await team.CheckAsync("stage2-same-handler-refused");
        await t.GetByLabel("Team").SelectOptionAsync("highways-south");
        await t.GetByLabel("Handler").SelectOptionAsync(Stage2Handler);
        await t.GetByRole(AriaRole.Button, new() { Name = "Allocate" }).ClickAsync();
        await Expect(t.GetByTestId("case-handler")).ToContainTextAsync("Tom Ellis");
        await team.CheckAsync("stage2-allocated");

        await using var tom = await platform.Staff.SignedInAsync(Stage2Handler, "handler", "corporate-stage2");
        var p2 = tom.Page;
        await p2.GotoAsync(caseUrl);
        await Caseworker.ActAsync(tom, "Send the response", p => Caseworker.FindingsAsync(p, "Upheld",
            "Our final response: the road will be resurfaced this month. You may go to the Local Government and Social Care Ombudsman."));
        await Expect(p2.GetByTestId("stage-2-response")).ToContainTextAsync("Sent");
        await Caseworker.ActAsync(tom, "Add a remedy", async p =>
        {
            await p.GetByLabel("Financial remedy").CheckAsync();
            await p.GetByLabel("Description").FillAsync("Payment for the damaged tyre");
            await p.GetByLabel("Amount in pounds (financial remedies only)").FillAsync("150.5");
            await p.GetByLabel("Owner").SelectOptionAsync(Stage2Handler);
            await Caseworker.DateAsync(p, "Due by", DateTime.UtcNow.AddDays(14));
        });
        await Expect(p2.GetByTestId("remedies")).ToContainTextAsync("£150.50");
        await Caseworker.ActAsync(tom, "Record a remedy done", p => p.GetByLabel(new Regex("Payment for the damaged tyre")).CheckAsync());
        await Caseworker.ActAsync(tom, "Record learning", async p =>
        {
            await p.GetByLabel("Neglect or delay in answering a query or request").CheckAsync();
            await p.GetByLabel("Root cause").FillAsync("Defect reports were not passed to the repair crews");
            await p.GetByLabel("Lessons learnt").FillAsync("You complained that a reported pothole was not filled; we now send every report to the crews the same day.");
        });

        await t.GotoAsync(caseUrl);
        await Caseworker.ActAsync(team, "Review the learning", p => p.GetByLabel("Review comments").FillAsync("Clear lesson with an owner"));
        await Expect(t.GetByTestId("learning-review")).ToContainTextAsync("Morgan Reid");
        await Expect(t.GetByTestId("timeline")).ToContainTextAsync("Learning reviewed");
        await Expect(t.GetByTestId("audit")).ToContainTextAsync("ReviewLearning");
        await team.CheckAsync("case-closed");
    }
}
