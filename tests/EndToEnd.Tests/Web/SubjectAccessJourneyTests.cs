using System.IO.Compression;
using System.Text.Json;
using ComplaintsPlatform.CaseWorkflow.V1;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using ComplimentsV1 = ComplaintsPlatform.Compliments.V1;
using IntakeV1 = ComplaintsPlatform.Intake.V1;
using OmbudsmanV1 = ComplaintsPlatform.Ombudsman.V1;

namespace ComplaintsPlatform.EndToEnd.Tests;

/// <summary>
/// Subject access in Chromium: a person with records in every service (a complaint with an attachment
/// and its case, a compliment, a reasonable adjustment, an Ombudsman enquiry about the case) asks for
/// their data. The data protection officer finds them by email, confirms, opens the request, builds
/// the package and downloads it: every record is in it once, with the attachment, and nothing of another
/// person at the same postcode. The access log shows the officer who built it; the request is marked
/// sent. Every page passes axe and is saved as a screenshot.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SubjectAccessJourneyTests(PlatformFixture platform)
{
    private const string Officer = DataProtectionPagesTests.Officer;

    private CallOptions Bearer(string role) => new(new Metadata { { "Authorization", $"Bearer {platform.Token(role)}" } });

    [Fact]
    public async Task A_person_asks_for_their_data_and_gets_each_of_their_records_once_and_nothing_of_anyone_else()
    {
        using var channel = platform.GatewayChannel();
        var marker = "SARME" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var other = "SAROTHER" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var person = await PlantAsync(channel, marker, withEverything: true);
        await PlantAsync(channel, other, withEverything: false);

        // The service answers through the gateway as the pages will call it.
        Assert.NotNull(await new IntakeV1.SubjectAccess.SubjectAccessClient(channel).ListRequestsAsync(new IntakeV1.ListSubjectAccessRequests(), Bearer("data_protection_officer")));

        await using var web = await platform.Staff.SignedInAsync(Officer, "data_protection_officer", "subject-access");
        var page = web.Page;
        await page.GotoAsync("/staff/data-protection");
        await page.GetByRole(AriaRole.Link, new() { Name = "Subject access", Exact = true }).ClickAsync();
        try
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Subject access requests" })).ToBeVisibleAsync();
        }
        catch (PlaywrightException)
        {
            Assert.Fail(await ErrorsAsync());
        }
        await web.CheckAsync("requests");

        await page.GetByRole(AriaRole.Button, new() { Name = "Find the person" }).ClickAsync();
        await Expect(page.GetByText("Enter a name, email address, phone number, postcode or reference").First).ToBeVisibleAsync();
        await web.CheckAsync("find-nothing-given");

        await page.GetByLabel("Email address").FillAsync(person.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find the person" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Confirm who is asking" })).ToBeVisibleAsync();
        var match = page.GetByTestId("match-" + person.PersonId);
        await Expect(match).ToContainTextAsync(marker + " Resident");
        await Expect(page.GetByText(other)).ToHaveCountAsync(0);
        Assert.DoesNotContain(person.Email, page.Url, StringComparison.OrdinalIgnoreCase);
        await web.CheckAsync("confirm");

        await page.GetByRole(AriaRole.Button, new() { Name = "Open the request" }).ClickAsync();
        await Expect(page.GetByText("Select the person the request is from").First).ToBeVisibleAsync();
        await match.GetByRole(AriaRole.Checkbox).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the request" }).ClickAsync();
        await Expect(page.GetByTestId("status")).ToContainTextAsync("Open");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await Expect(page.GetByTestId("due-on")).ToContainTextAsync(today.AddMonths(1).ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await web.CheckAsync("opened");

        await page.GetByRole(AriaRole.Button, new() { Name = "Build the package" }).ClickAsync();
        await Expect(page.GetByTestId("status")).ToContainTextAsync("Package built", new() { Timeout = 60_000 });
        await Expect(page.GetByTestId("built")).ToContainTextAsync(DataProtectionPagesTests.OfficerName);
        await Expect(page.GetByTestId("flagged")).ToContainTextAsync("may name other people");
        await web.CheckAsync("built");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-zip").ClickAsync());
        using var zip = ZipFile.OpenRead(await download.PathAsync());
        var json = Read(zip, "package.json");
        var html = Read(zip, "package.html");
        using var package = JsonDocument.Parse(json);
        var records = package.RootElement.GetProperty("records").EnumerateArray()
            .Select(r => (Kind: r.GetProperty("kind").GetString()!, Id: r.GetProperty("id").GetString()!, Service: r.GetProperty("service").GetString()!))
            .ToList();
        Assert.Equal(records.Count, records.Distinct().Count());
        Assert.Equal(records.Count, records.Select(r => (r.Kind, r.Id)).Distinct().Count());
        Assert.Contains(records, r => r.Kind == "contact" && r.Service == "intake");
        Assert.Contains(records, r => r.Kind == "adjustment" && r.Service == "intake");
        Assert.Contains(records, r => r.Kind == "case" && r.Id == person.CaseId && r.Service == "caseworkflow");
        Assert.Contains(records, r => r.Kind == "ombudsman_enquiry" && r.Service == "ombudsman");
        Assert.Contains(records, r => r.Kind == "compliment" && r.Service == "compliments");
        Assert.Equal(2, records.Count(r => r.Kind == "contact"));
        Assert.Contains(marker + " the mobile library stopped visiting", json);
        Assert.Contains(marker + " enquiry", json);
        Assert.Contains(marker + " easy read", json);
        Assert.Contains(marker + " Resident", html);
        Assert.DoesNotContain(other, json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(other, html, StringComparison.OrdinalIgnoreCase);
        var attachment = zip.Entries.Single(e => e.FullName.StartsWith("files/", StringComparison.Ordinal) && e.FullName.EndsWith("-letter.txt", StringComparison.Ordinal));
        using (var reader = new StreamReader(attachment.Open()))
        {
            Assert.Equal("Dear council, " + marker + " wrote this.", await reader.ReadToEndAsync());
        }
        Assert.Contains(package.RootElement.GetProperty("access_log").EnumerateArray(),
            a => a.GetProperty("officer").GetString() == Officer && a.GetProperty("action").GetString() == "BuildPackage");

        await page.GetByRole(AriaRole.Link, new() { Name = "Who has read this person's records" }).ClickAsync();
        var reads = page.GetByTestId("access-log").GetByTestId("read");
        await Expect(reads.Filter(new() { HasText = Officer }).Filter(new() { HasText = "BuildPackage" }).First).ToBeVisibleAsync();
        foreach (var service in new[] { "intake", "caseworkflow", "ombudsman", "compliments" })
        {
            await Expect(page.Locator($"[data-testid=read][data-service='{service}'][data-officer='{Officer}']").First).ToBeVisibleAsync();
        }
        await Expect(page.Locator("[data-testid=read][data-officer='e2e-officer']").First).ToBeVisibleAsync();
        await web.CheckAsync("access-log");

        await page.GoBackAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as sent" }).ClickAsync();
        await Expect(page.GetByTestId("status")).ToContainTextAsync("Sent");
        await Expect(page.GetByTestId("sent")).ToContainTextAsync(DataProtectionPagesTests.OfficerName);
        await web.CheckAsync("sent");
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to subject access requests" }).ClickAsync();
        await web.CheckAsync("requests-after");
    }

    private sealed record Planted(string PersonId, string Email, string CaseId);

    /// <summary>
    /// A person's complaint (with an attachment) through to an acknowledged case with an issue; with
    /// everything, also a compliment, a reasonable adjustment and an Ombudsman enquiry about the case,
    /// each read once by a complaints team officer (so the access log names them too).
    /// </summary>
    private async Task<Planted> PlantAsync(GrpcChannel channel, string marker, bool withEverything)
    {
        var intake = new IntakeV1.Intake.IntakeClient(channel);
        var team = Bearer("complaints_team");
        var email = marker.ToLowerInvariant() + "@example.org";
        IntakeV1.SubmitRequest Form(IntakeV1.ContactKind kind) => new()
        {
            ClientRequestId = Guid.NewGuid().ToString(),
            Kind = kind,
            Name = marker + " Resident",
            Contact = new IntakeV1.ContactDetails
            {
                Email = email,
                Address = new IntakeV1.PostalAddress { Lines = { marker + " Cottage" }, Town = "Shiretown", Postcode = "SH1 1AA" },
            },
            PreferredContactMethod = IntakeV1.ContactMethod.Email,
            Description = marker + " the mobile library stopped visiting",
            OutcomeSought = marker + " restore the visits",
            ServiceAreaId = "libraries",
        };
        var complaintForm = Form(IntakeV1.ContactKind.Complaint);
        complaintForm.Attachments.Add(new IntakeV1.AttachmentUpload
        {
            FileName = "letter.txt", ContentType = "text/plain", Content = ByteString.CopyFromUtf8("Dear council, " + marker + " wrote this."),
        });
        // The first call may arrive while Intake is still starting: the gateway answers UNAVAILABLE until it is up.
        IntakeV1.SubmitReply? complaint = null;
        await Caseworker.Until(async () =>
        {
            try
            {
                complaint = await intake.SubmitAsync(complaintForm);
                return true;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
            {
                await Task.Delay(1000);
                return false;
            }
        }, "Intake takes the complaint");
        var submitted = complaint!;
        await Caseworker.Until(async () =>
        {
            try
            {
                await intake.TriageAsync(new IntakeV1.TriageRequest
                {
                    ContactId = submitted.ContactId, Decision = IntakeV1.TriageDecision.Complaint, Stream = ComplaintStream.Corporate,
                    ServiceAreaId = "libraries", Notes = marker + " triage notes",
                }, team);
                return true;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.InvalidArgument)
            {
                return false;
            }
        }, "Intake accepts the triage");
        var personId = (await intake.GetContactAsync(new IntakeV1.GetContactRequest { ContactId = submitted.ContactId }, team)).PersonId;

        var cases = new Cases.CasesClient(channel);
        Case? opened = null;
        await Caseworker.Until(async () =>
        {
            try
            {
                opened = await cases.FindCaseByReferenceAsync(new FindCaseByReferenceRequest { Reference = submitted.Reference }, team);
                return true;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                return false;
            }
        }, "CaseWorkflow opens the case");
        var caseId = opened!.Id;
        await cases.AcknowledgeAsync(new AcknowledgeRequest { CaseId = caseId, About = marker + " about", OutcomeSought = marker + " sought" }, team);
        await cases.DefineIssueAsync(new DefineIssueRequest { CaseId = caseId, Summary = marker + " issue" }, team);
        if (!withEverything)
        {
            return new Planted(personId, email, caseId);
        }

        var compliment = await intake.SubmitAsync(Form(IntakeV1.ContactKind.Compliment));
        await intake.TriageAsync(new IntakeV1.TriageRequest { ContactId = compliment.ContactId, Decision = IntakeV1.TriageDecision.Compliment, ServiceAreaId = "libraries" }, team);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await new IntakeV1.Registers.RegistersClient(channel).RecordAdjustmentAsync(new IntakeV1.RecordAdjustmentRequest
        {
            PersonId = personId, Category = IntakeV1.Adjustment.EasyRead, Description = marker + " easy read", AgreedBy = "Complaints manager",
            FromDate = Date(today.AddDays(-1)), NextReviewOn = Date(today.AddDays(30)),
        }, team);

        var ombudsman = new OmbudsmanV1.OmbudsmanLiaison.OmbudsmanLiaisonClient(channel);
        var enquiry = await ombudsman.RegisterEnquiryAsync(new OmbudsmanV1.RegisterEnquiryRequest
        {
            Ombudsman = OmbudsmanV1.Ombudsman.Lgsco, OmbudsmanReference = "SAR " + marker[^8..], ReceivedOn = Date(today),
            DirectorateId = "adults-communities", CaseReference = submitted.Reference, Summary = marker + " enquiry",
        }, Bearer("link_officer"));
        await ombudsman.GetEnquiryAsync(new OmbudsmanV1.GetEnquiryRequest { EnquiryId = enquiry.Id }, team);

        var compliments = new ComplimentsV1.Compliments.ComplimentsClient(channel);
        await Caseworker.Until(async () => (await compliments.ListComplimentsAsync(new ComplimentsV1.ListComplimentsRequest { ServiceAreaId = "libraries", PageSize = 200 }, team))
            .Compliments.Any(c => c.ContactId == compliment.ContactId), "Compliments records the compliment from triage");
        return new Planted(personId, email, caseId);
    }

    private async Task<string> ErrorsAsync()
    {
        var logger = platform.App.Services.GetRequiredService<Aspire.Hosting.ApplicationModel.ResourceLoggerService>();
        var text = new System.Text.StringBuilder();
        foreach (var resource in new[] { "web", "intake", "gateway" })
        {
            await foreach (var lines in logger.GetAllAsync(resource))
            {
                foreach (var line in lines.Where(l => l.IsErrorMessage || l.Content.Contains("xception", StringComparison.Ordinal) || l.Content.Contains("fail", StringComparison.Ordinal)))
                {
                    text.AppendLine(resource + ": " + line.Content);
                }
            }
        }
        return text.ToString();
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    private static Google.Type.Date Date(DateOnly d) => new() { Year = d.Year, Month = d.Month, Day = d.Day };
}
