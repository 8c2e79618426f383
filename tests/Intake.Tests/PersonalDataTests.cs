using System.Collections.Concurrent;
using System.Diagnostics;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Intake.Tests.Support;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.TestInfrastructure;
using Google.Protobuf;
using Xunit;

namespace ComplaintsPlatform.Intake.Tests;

public sealed class PersonalDataTests
{
    [Fact]
    public async Task Personal_data_planted_in_every_field_never_reaches_logs_or_spans()
    {
        var spans = new ConcurrentQueue<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => spans.Enqueue(string.Join(" | ", new[] { a.DisplayName, a.StatusDescription ?? "" }
                .Concat(a.TagObjects.Select(t => $"{t.Key}={t.Value}"))
                .Concat(a.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={t.Value}"))))),
        };
        ActivitySource.AddActivityListener(listener);
        await using var host = await IntakeHost.StartAsync();

        var m = "pii" + Guid.NewGuid().ToString("N")[..10];
        var phoneDigits = "07700" + Random.Shared.Next(100000, 999999);
        var request = new SubmitRequest
        {
            ClientRequestId = Guid.NewGuid().ToString(),
            Kind = ContactKind.Complaint,
            Name = $"Name{m}",
            Contact = new ContactDetails
            {
                Email = $"mail{m}@example.org", Phone = phoneDigits,
                Address = new PostalAddress { Lines = { $"Street{m}" }, Town = $"Town{m}", Postcode = "ZZ9 9ZZ" },
            },
            PreferredContactMethod = ContactMethod.Email,
            Representative = new Representative
            {
                Name = $"Rep{m}", Relationship = $"Rel{m}", ConsentRecorded = true, ConsentScope = ConsentScope.Full,
                Contact = new ContactDetails { Email = $"repmail{m}@example.org" },
            },
            Adjustments = { Adjustment.LargePrint },
            AdjustmentsNotes = $"Notes{m}",
            Description = $"Description{m} the bins were missed",
            OutcomeSought = $"Outcome{m}",
            Attachments = { new AttachmentUpload { FileName = $"File{m}.txt", ContentType = "text/plain", Content = ByteString.CopyFromUtf8($"Content{m}") } },
            EqualityMonitoring = new EqualityMonitoring { Ethnicity = $"Eq{m}", Religion = $"Rel2{m}" },
        };
        var reply = await host.Client().SubmitAsync(request);
        await host.Client().SubmitAsync(request);
        var team = host.Client(TestIdentity.Token(Roles.ComplaintsTeam));
        await team.GetContactAsync(new GetContactRequest { ContactId = reply.ContactId });
        await team.TriageAsync(new TriageRequest { ContactId = reply.ContactId, Decision = TriageDecision.Excluded, ReasonCode = "DAMAGES" });
        // A letter CaseWorkflow asks for, whose words the dispatcher fetches.
        var letterId = Guid.NewGuid().ToString();
        host.Feed.CaseWorkflow.Texts[letterId] = new() { ["response"] = $"Response{m}" };
        host.Feed.Publish(new CaseWorkflow.V1.CorrespondenceRequested
        {
            RequestId = letterId, TemplateCode = "FINAL_RESPONSE", CaseId = "case-pii", ContactId = reply.ContactId,
            Header = new CaseWorkflow.V1.CaseEventHeader { CaseId = "case-pii", ContactId = reply.ContactId, Reference = reply.Reference },
        });
        // A refused submission too: its violations must not echo the values.
        request.ClientRequestId = Guid.NewGuid().ToString();
        request.Contact.Email = $"broken{m}@";
        await Assert.ThrowsAsync<global::Grpc.Core.RpcException>(async () => await host.Client().SubmitAsync(request));
        await host.Smtp.WaitForAsync(x => (x.Subject ?? "").StartsWith("About your message") && x.To.Mailboxes.Any(a => a.Address == $"repmail{m}@example.org"),
            "the exclusion letter reaches the representative");
        await host.Smtp.WaitForAsync(x => (x.Subject ?? "").StartsWith("Our final response") && x.To.Mailboxes.Any(a => a.Address == $"repmail{m}@example.org"),
            "the final response reaches the representative");

        Assert.NotEmpty(host.Logs.Lines);
        Assert.Contains(spans, s => s.Contains("Submit"));
        foreach (var text in host.Logs.Lines.Concat(spans))
        {
            Assert.DoesNotContain(m, text);
            Assert.DoesNotContain(phoneDigits, text);
            Assert.DoesNotContain("ZZ9 9ZZ", text);
        }
    }
}
