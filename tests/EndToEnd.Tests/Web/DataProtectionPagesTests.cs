using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplaintsPlatform.EndToEnd.Tests;

/// <summary>
/// The data protection officer in Chromium (an officer of the sample directory given that role) signs in with a second factor, reads the retention
/// schedule (not editable by this role), places a legal hold with a reason and releases it, records
/// a rectification request and refuses it with a reason, and reads every service's retention runs;
/// a hold naming neither a person nor a case is refused with a clear error. Every page passes axe.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class DataProtectionPagesTests(PlatformFixture platform)
{
    /// <summary>The sample directory's officer given the data protection officer's role in every journey.</summary>
    public const string Officer = "officer-sen-01";

    /// <summary>How the council's directory names <see cref="Officer"/>: pages show this, never the sign-in id.</summary>
    public const string OfficerName = "Grace Okafor";

    [Fact]
    public async Task The_data_protection_officer_reads_the_schedule_places_and_releases_a_hold_decides_a_request_and_reads_the_runs()
    {
        // Signed in once per collection (new password and an authenticator: the role requires a second factor); the subject access journey reuses it.
        await using var web = await platform.Staff.SignedInAsync(Officer, "data_protection_officer", "data-protection");
        var page = web.Page;
        await page.GotoAsync("/staff/data-protection");
        await Expect(page.GetByTestId("staff-session")).ToContainTextAsync("Data protection officer", new() { Timeout = 30_000 });
        Assert.Equal("Data protection", (await page.Locator("h1").First.InnerTextAsync()).Trim());
        await web.CheckAsync("overview");

        await page.GetByRole(AriaRole.Link, new() { Name = "Retention schedule", Exact = true }).ClickAsync();
        var schedule = page.GetByTestId("schedule");
        await Expect(schedule.GetByRole(AriaRole.Row, new() { Name = "Closed case" })).ToContainTextAsync("72");
        await Expect(schedule.GetByRole(AriaRole.Row, new() { Name = "Contact not taken forward" })).ToContainTextAsync("24");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save the schedule" })).ToHaveCountAsync(0);
        await web.CheckAsync("schedule");

        await page.GetByRole(AriaRole.Link, new() { Name = "Legal holds" }).ClickAsync();
        await page.GetByLabel("Reason for the hold").FillAsync("Pre-action letter received");
        await page.GetByRole(AriaRole.Button, new() { Name = "Place the hold" }).ClickAsync();
        await Expect(page.GetByText("Enter a person id or a case id, not both").First).ToBeVisibleAsync();
        // The error is in the summary and beside the field it names, which is marked as in error.
        await Expect(page.Locator("#PersonId-error")).ToContainTextAsync("Enter a person id or a case id, not both");
        await Expect(page.Locator("#PersonId")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("govuk-input--error"));
        await web.CheckAsync("hold-refused");

        var personId = Guid.NewGuid().ToString();
        await page.GetByLabel("Person id").FillAsync(personId);
        await page.GetByLabel("Reason for the hold").FillAsync("Pre-action letter received");
        await page.GetByRole(AriaRole.Button, new() { Name = "Place the hold" }).ClickAsync();
        var held = page.GetByTestId("holds").GetByRole(AriaRole.Row).Filter(new() { HasText = personId });
        await Expect(held).ToContainTextAsync("In force");
        await Expect(page.GetByTestId("done")).ToHaveTextAsync("The hold is in force.");
        // The officer who placed it is named, not shown by sign-in id.
        await Expect(held).ToContainTextAsync($"by {OfficerName}");
        await Expect(held).ToContainTextAsync("Pre-action letter received");
        await web.CheckAsync("hold-placed");
        // A release without its reason is refused beside that row's field as well as in the summary.
        await held.GetByRole(AriaRole.Button, new() { Name = "Release" }).ClickAsync();
        held = page.GetByTestId("holds").GetByRole(AriaRole.Row).Filter(new() { HasText = personId });
        await Expect(held.Locator(".govuk-error-message")).ToBeVisibleAsync();
        await Expect(held.GetByLabel("Why it is released")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("govuk-input--error"));
        await Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await web.CheckAsync("hold-release-refused");
        await held.GetByLabel("Why it is released").FillAsync("Claim settled");
        await held.GetByRole(AriaRole.Button, new() { Name = "Release" }).ClickAsync();
        await Expect(page.GetByTestId("holds").GetByRole(AriaRole.Row).Filter(new() { HasText = personId })).ToContainTextAsync("Claim settled");
        await Expect(page.GetByTestId("holds").GetByRole(AriaRole.Row).Filter(new() { HasText = personId })).ToContainTextAsync("Released");
        await Expect(page.GetByTestId("done")).ToHaveTextAsync("The hold is released.");

        await page.GetByRole(AriaRole.Link, new() { Name = "Erasure and rectification" }).ClickAsync();
        await page.GetByLabel("Rectification").CheckAsync();
        await page.GetByLabel("Person id").FillAsync(personId);
        await page.GetByLabel("What they asked for and why").FillAsync("Their address is recorded wrongly");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the request" }).ClickAsync();
        var request = page.GetByTestId("requests").GetByRole(AriaRole.Row).Filter(new() { HasText = personId });
        await Expect(request).ToContainTextAsync("Rectification");
        await Expect(page.GetByTestId("done")).ToContainTextAsync("The request is recorded");
        await web.CheckAsync("request-recorded");
        // A decision with neither approve nor refuse chosen is refused beside the choice, and the reason typed stays.
        await request.GetByLabel("Reason for the decision").FillAsync("The address was confirmed correct");
        await request.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        request = page.GetByTestId("requests").GetByRole(AriaRole.Row).Filter(new() { HasText = personId });
        await Expect(request.Locator(".govuk-error-message")).ToContainTextAsync("Select approve or refuse");
        await Expect(request.GetByLabel("Reason for the decision")).ToHaveValueAsync("The address was confirmed correct");
        await web.CheckAsync("decision-refused");
        await request.GetByLabel("Refuse").CheckAsync();
        await request.GetByLabel("Reason for the decision").FillAsync("The address was confirmed correct");
        await request.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        request = page.GetByTestId("requests").GetByRole(AriaRole.Row).Filter(new() { HasText = personId });
        await Expect(request).ToContainTextAsync("Refused");
        await Expect(page.GetByTestId("done")).ToContainTextAsync("The decision is recorded");
        await Expect(request).ToContainTextAsync("The address was confirmed correct");
        await Expect(request).ToContainTextAsync(OfficerName);

        await page.GetByRole(AriaRole.Link, new() { Name = "Retention runs" }).ClickAsync();
        foreach (var service in new[] { "Contacts (Intake)", "Cases", "Ombudsman enquiries", "Compliments" })
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = service, Exact = true })).ToBeVisibleAsync();
        }
        await Expect(page.GetByText("could not be loaded")).ToHaveCountAsync(0);
        await web.CheckAsync("runs");
    }

    [Fact]
    public async Task The_complaints_team_changes_the_retention_schedule_and_a_bad_entry_is_shown_beside_its_field_and_changes_nothing()
    {
        await using var web = await platform.Staff.SignedInAsync(CaseworkerJourneyTests.TeamOfficer, "complaints_team", "retention-schedule");
        var page = web.Page;
        await page.GotoAsync("/staff/data-protection/schedule");
        var closedCase = page.GetByLabel("Months to keep: Closed case");
        var kept = await closedCase.InputValueAsync();
        var version = await page.GetByTestId("schedule-version").InnerTextAsync();

        // Not a number and no reason: both refused beside their fields, what was typed kept, nothing saved.
        await closedCase.FillAsync("six years");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the schedule" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter why the schedule changes");
        await Expect(closedCase).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("govuk-input--error"));
        await Expect(closedCase).ToHaveValueAsync("six years");
        await Expect(page.Locator("#ChangeReason-error")).ToContainTextAsync("Enter why the schedule changes");
        await Expect(page.GetByTestId("schedule").Locator(".govuk-error-message")).ToContainTextAsync("as a whole number");
        await Expect(page.GetByTestId("schedule-version")).ToHaveTextAsync(version);
        await web.CheckAsync("schedule-refused");

        // The same months, with a reason: saved as a new configuration version.
        await closedCase.FillAsync(kept);
        await page.GetByLabel("Why the schedule changes").FillAsync("Reviewed at the annual information governance check");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the schedule" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The retention schedule is saved as a new configuration version.");
        await Expect(page.GetByTestId("schedule-version")).Not.ToHaveTextAsync(version);
        await Expect(page.GetByTestId("schedule-version")).ToContainTextAsync("by Morgan Reid"); // named, not the sign-in id
        await Expect(page.GetByLabel("Months to keep: Closed case")).ToHaveValueAsync(kept);
        await web.CheckAsync("schedule-saved");
    }
}
