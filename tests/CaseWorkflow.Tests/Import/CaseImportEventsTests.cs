using ComplaintsPlatform.CaseWorkflow.Events;
using ComplaintsPlatform.CaseWorkflow.Tests.Cases;
using ComplaintsPlatform.CaseWorkflow.V1;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static ComplaintsPlatform.CaseWorkflow.Tests.Cases.CaseHostFixture;
using static ComplaintsPlatform.CaseWorkflow.Tests.Import.ImportFiles;

namespace ComplaintsPlatform.CaseWorkflow.Tests.Import;

/// <summary>What imported history puts on the feed: a live case's events, flagged as imported, and nothing that writes to anyone.</summary>
public sealed class CaseImportEventsTests(CaseHostFixture fx) : IClassFixture<CaseHostFixture>
{
    [Fact]
    public async Task An_imported_case_stages_the_events_of_a_live_case_flagged_imported_and_asks_for_no_letter()
    {
        var live = await fx.ReadyAsync(ComplaintStream.Corporate, "highways-maintenance", "highways-north", "officer-hwy-01");
        await fx.Team.RecordResponseAsync(new RecordResponseRequest
        {
            CaseId = live.Id, Overall = Finding.Upheld, Text = "We are sorry", OccurredOn = D(3, 14), NotifyPerson = true,
            Findings = { new IssueFinding { IssueId = "issue-1", Finding = Finding.Upheld } },
        });
        var p = "events-" + Guid.NewGuid().ToString("N")[..8];
        await SendAsync(Client(fx.Host).ImportCases(), "cases.csv", Csv(CaseHeader,
            $"{p}-1,,,CORPORATE,highways-maintenance,highways-north,officer-hwy-01,2025-03-03 10:00,2025-03-05,,2025-03-14,UPHELD,,,,,,,,,,,,"));

        var liveEvents = await EventsOfCaseAsync(fx.Host, Guid.Parse(live.Id));
        var imported = await EventsOfCaseAsync(fx.Host, (await CaseIdOfAsync(fx.Host, $"{p}-1"))!.Value);

        Assert.Contains(liveEvents, e => e.Type == nameof(CorrespondenceRequested));
        Assert.Equal(liveEvents.Select(e => e.Type).Where(t => t != nameof(CorrespondenceRequested)).Order(), imported.Select(e => e.Type).Order());
        Assert.All(imported, e => Assert.True(e.Header.Imported));
        Assert.All(liveEvents, e => Assert.False(e.Header.Imported));
        Assert.Equal(D(3, 14), imported.Single(e => e.Type == nameof(ResponseSent)).Header.OccurredOn);
    }

    [Fact]
    public async Task The_deadline_watcher_reminds_no_one_about_an_imported_closed_case_but_does_about_an_open_one()
    {
        var p = "watch-" + Guid.NewGuid().ToString("N")[..8];
        await SendAsync(Client(fx.Host).ImportCases(), "cases.csv", Csv(CaseHeader,
            $"{p}-closed,,,CORPORATE,libraries,,,2024-01-08,2024-01-09,,2024-01-19,NOT_UPHELD,,,,,,,,,,,,",
            $"{p}-open,,,CORPORATE,libraries,,,2024-02-05,2024-02-06,,,,,,,,,,,,,,,"));
        var closed = (await CaseIdOfAsync(fx.Host, $"{p}-closed"))!.Value.ToString();
        var open = (await CaseIdOfAsync(fx.Host, $"{p}-open"))!.Value.ToString();

        await using (var scope = fx.Host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DeadlineWatch>().RunOnceAsync(CancellationToken.None);
        }

        var reminders = await fx.Host.OutboxEventsAsync<ReminderDue>();
        Assert.DoesNotContain(reminders, r => r.Header.CaseId == closed);
        Assert.Contains(reminders, r => r.Header.CaseId == open && r.Overdue);
    }

    [Fact]
    public async Task An_imported_contact_from_Intake_opens_no_case_and_the_imported_case_that_names_it_is_linked_to_it()
    {
        var contact = new Intake.V1.ContactTriaged
        {
            ContactId = Guid.NewGuid().ToString(),
            Reference = "C-2021-" + Random.Shared.Next(100000, 999999),
            PersonId = "person-hist-1",
            Decision = Intake.V1.TriageDecision.Complaint,
            Stream = ComplaintStream.Corporate,
            ServiceAreaId = "libraries",
            ReceivedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(new DateTimeOffset(2021, 9, 6, 10, 0, 0, TimeSpan.Zero)),
            Imported = true,
        };
        await using (var scope = fx.Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Data.CaseWorkflowDbContext>();
            await scope.ServiceProvider.GetRequiredService<IntakeEventsHandler>().HandleAsync(db, new Common.V1.FeedEvent
            {
                EventId = Guid.NewGuid().ToString(), EventType = Intake.V1.ContactTriaged.Descriptor.FullName, Payload = Google.Protobuf.WellKnownTypes.Any.Pack(contact),
            }, CancellationToken.None);
            await db.SaveChangesAsync();
        }
        Assert.DoesNotContain(await fx.Host.OutboxEventsAsync<CaseOpened>(), e => e.Header.ContactId == contact.ContactId);

        var p = "linked-" + Guid.NewGuid().ToString("N")[..8];
        var report = await SendAsync(Client(fx.Host).ImportCases(), "cases.csv", Csv(CaseHeader,
            $"{p}-1,,{contact.Reference},CORPORATE,libraries,,,2021-09-06 10:00,2021-09-07,,2021-09-17,UPHELD,,,,,,,,,,,,"));

        Assert.Equal(1, report.RowsImported);
        var c = await fx.Team.FindCaseByReferenceAsync(new FindCaseByReferenceRequest { Reference = $"IMP-{p}-1" });
        Assert.Equal((contact.ContactId, "person-hist-1"), (c.ContactId, c.PersonId));
    }
}
