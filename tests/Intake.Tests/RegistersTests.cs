using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Intake.Tests.Support;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.TestInfrastructure;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace ComplaintsPlatform.Intake.Tests;

public sealed class RegistersTests(IntakeFixture fixture) : IClassFixture<IntakeFixture>
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private IntakeHost Host => fixture.Host;

    private Registers.RegistersClient Team => new(Host.CreateChannel(TestIdentity.Token(Roles.ComplaintsTeam, "team-officer")));

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTime.UtcNow, London));

    private static Google.Type.Date D(DateOnly d) => new() { Year = d.Year, Month = d.Month, Day = d.Day };

    private async Task<(string PersonId, string Email)> PersonAsync()
    {
        var email = $"person-{Guid.NewGuid():N}@example.org";
        var reply = await Host.Client().SubmitAsync(Requests.Public(email: email));
        var detail = await Host.Client(TestIdentity.Token(Roles.ComplaintsTeam)).GetContactAsync(new GetContactRequest { ContactId = reply.ContactId });
        return (detail.PersonId, email);
    }

    private async Task<List<T>> EventsAsync<T>(string type) where T : Google.Protobuf.IMessage<T>, new() =>
        (await Host.ListAsync<byte[]>("SELECT payload FROM intake.outbox_events WHERE event_type = @t ORDER BY id", ("t", type)))
            .Select(p => Any.Parser.ParseFrom(p).Unpack<T>()).ToList();

    [Fact]
    public async Task Adjustments_with_a_review_coming_due_appear_in_the_queue_oldest_due_first_and_a_review_moves_the_next_date()
    {
        var (person, _) = await PersonAsync();
        var overdue = await Team.RecordAdjustmentAsync(new RecordAdjustmentRequest
        {
            PersonId = person, Category = Adjustment.LargePrint, Description = "All letters in 16pt.", AgreedBy = "Complaints manager",
            FromDate = D(Today.AddDays(-200)), NextReviewOn = D(Today.AddDays(-3)),
        });
        var soon = await Team.RecordAdjustmentAsync(new RecordAdjustmentRequest
        {
            PersonId = person, Category = Adjustment.PhoneCallFirst, Description = "Phone before any letter.", AgreedBy = "Complaints manager",
            FromDate = D(Today), NextReviewOn = D(Today.AddDays(5)),
        });
        var later = await Team.RecordAdjustmentAsync(new RecordAdjustmentRequest
        {
            PersonId = person, Category = Adjustment.Interpreter, Description = "Polish interpreter at meetings.", AgreedBy = "Service lead",
            FromDate = D(Today.AddDays(-1)), NextReviewOn = D(Today.AddDays(90)),
        });

        var due = (await Team.ListDueReviewsAsync(new ListDueReviewsRequest { DueWithinDays = 7, PageSize = 500 }))
            .Items.Where(i => i.PersonId == person).ToList();
        Assert.Equal([overdue.Id, soon.Id], due.Select(i => i.RecordId));
        Assert.Equal(-3, due[0].DaysUntilDue);
        Assert.Equal("LARGE_PRINT", due[0].Code);
        Assert.All(due, i => Assert.Equal(RegisterKind.Adjustment, i.Kind));
        Assert.All(due, i => Assert.StartsWith("Alex Example", i.PersonName));

        var reviewed = await Team.ReviewAdjustmentAsync(new ReviewAdjustmentRequest
        {
            AdjustmentId = overdue.Id, ReviewedOn = D(Today), Outcome = ReviewOutcome.Continue, NextReviewOn = D(Today.AddDays(180)),
            Notes = "Still needed.",
        });
        Assert.Equal(D(Today.AddDays(180)), reviewed.NextReviewOn);
        Assert.Equal(ReviewOutcome.Continue, Assert.Single(reviewed.Reviews).Outcome);
        var after = (await Team.ListDueReviewsAsync(new ListDueReviewsRequest { DueWithinDays = 7, PageSize = 500 }))
            .Items.Where(i => i.PersonId == person).Select(i => i.RecordId);
        Assert.Equal([soon.Id], after);

        await Team.ReviewAdjustmentAsync(new ReviewAdjustmentRequest { AdjustmentId = later.Id, ReviewedOn = D(Today), Outcome = ReviewOutcome.End });
        var changes = (await EventsAsync<PersonAdjustmentsChanged>("complaints.intake.v1.PersonAdjustmentsChanged"))
            .Where(e => e.PersonId == person).ToList();
        // Three recorded and one ended (a CONTINUE changes nothing CaseWorkflow shows).
        Assert.Equal(4, changes.Count);
        Assert.Equal(["LARGE_PRINT", "INTERPRETER", "PHONE_CALL_FIRST"], changes[2].AdjustmentCodes);
        Assert.Equal(["LARGE_PRINT", "PHONE_CALL_FIRST"], changes[3].AdjustmentCodes);

        var registers = await Team.GetPersonRegistersAsync(new GetPersonRegistersRequest { PersonId = person });
        Assert.Equal(3, registers.Adjustments.Count);
        Assert.StartsWith("Alex Example", registers.PersonName);
        Assert.NotEmpty(registers.LatestReference);
        Assert.False(registers.Adjustments.Single(a => a.Id == later.Id).Active);
    }

    [Fact]
    public async Task A_restriction_is_written_to_the_person_and_their_new_contact_is_flagged_for_screening_and_still_triaged()
    {
        var (person, email) = await PersonAsync();
        var restriction = await Team.RecordRestrictionAsync(new RecordRestrictionRequest
        {
            PersonId = person, RestrictionType = RestrictionType.WrittenContactOnly, Reason = "Repeated abusive phone calls to staff.",
            StartOn = D(Today), ReviewOn = D(Today.AddDays(180)),
        });
        var letterId = Assert.Single(restriction.LetterIds);
        Assert.Equal("restriction_notice", await Host.ScalarAsync<string>(
            "SELECT template_code FROM intake.correspondence WHERE id = @id", ("id", Guid.Parse(letterId))));
        var staged = (await EventsAsync<PersonRestrictionChanged>("complaints.intake.v1.PersonRestrictionChanged")).Single(e => e.PersonId == person);
        Assert.Equal("WRITTEN_CONTACT_ONLY", staged.RestrictionCode);
        Assert.True(staged.Active);
        Assert.Equal(D(Today.AddDays(180)), staged.ReviewOn);

        var again = await Host.Client().SubmitAsync(Requests.Public("A new complaint: my carer did not arrive this week.", email));
        var team = Host.Client(TestIdentity.Token(Roles.ComplaintsTeam));
        var item = (await team.ListTriageQueueAsync(new ListTriageQueueRequest { PageSize = 500 })).Items.Single(i => i.ContactId == again.ContactId);
        Assert.True(item.ScreenForRestriction);
        Assert.Equal(["WRITTEN_CONTACT_ONLY"], item.RestrictionCodes);
        var triaged = await team.TriageAsync(new TriageRequest { ContactId = again.ContactId, Decision = TriageDecision.Complaint, Stream = ComplaintStream.Corporate });
        Assert.Equal(TriageDecision.Complaint, triaged.TriageHistory.Last().Decision);

        var ended = await Team.ReviewRestrictionAsync(new ReviewRestrictionRequest
        {
            RestrictionId = restriction.Id, ReviewedOn = D(Today), Outcome = ReviewOutcome.End, Notes = "Behaviour has improved.",
        });
        Assert.False(ended.Active);
        Assert.Equal(2, ended.LetterIds.Count);
        var third = await Host.Client().SubmitAsync(Requests.Public("Another matter entirely about the library opening hours.", email));
        Assert.False((await team.ListTriageQueueAsync(new ListTriageQueueRequest { PageSize = 500 })).Items.Single(i => i.ContactId == third.ContactId).ScreenForRestriction);
    }

    [Fact]
    public async Task Only_the_complaints_team_keeps_and_reads_the_registers()
    {
        var (person, _) = await PersonAsync();
        foreach (var role in new[] { Roles.Staff, Roles.Handler, Roles.LinkOfficer })
        {
            var other = new Registers.RegistersClient(Host.CreateChannel(TestIdentity.Token(role)));
            var read = await Assert.ThrowsAsync<RpcException>(async () => await other.GetPersonRegistersAsync(new GetPersonRegistersRequest { PersonId = person }));
            Assert.Equal(StatusCode.PermissionDenied, read.StatusCode);
            var write = await Assert.ThrowsAsync<RpcException>(async () => await other.RecordRestrictionAsync(new RecordRestrictionRequest
            {
                PersonId = person, RestrictionType = RestrictionType.LimitedCalls, Reason = "x", StartOn = D(Today), ReviewOn = D(Today.AddDays(30)),
            }));
            Assert.Equal(StatusCode.PermissionDenied, write.StatusCode);
        }
        var anonymous = new Registers.RegistersClient(Host.CreateChannel());
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await anonymous.ListDueReviewsAsync(new ListDueReviewsRequest()));
        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Empty((await Team.GetPersonRegistersAsync(new GetPersonRegistersRequest { PersonId = person })).Restrictions);
    }

    public static TheoryData<string, string> BadRestrictions => new()
    {
        { "review_before_start", "review_on" },
        { "unknown_type", "restriction_type" },
        { "future_start", "start_on" },
        { "no_reason", "reason" },
        { "other_without_details", "details" },
    };

    [Theory]
    [MemberData(nameof(BadRestrictions))]
    public async Task A_bad_restriction_is_INVALID_ARGUMENT_naming_the_field_and_writes_nothing(string badCase, string field)
    {
        var (person, _) = await PersonAsync();
        var request = new RecordRestrictionRequest
        {
            PersonId = person, RestrictionType = RestrictionType.SinglePointOfContact, Reason = "Dozens of emails a day to many officers.",
            StartOn = D(Today.AddDays(-2)), ReviewOn = D(Today.AddDays(90)),
        };
        switch (badCase)
        {
            case "review_before_start": request.ReviewOn = D(Today.AddDays(-3)); break;
            case "unknown_type": request.RestrictionType = (RestrictionType)99; break;
            case "future_start": request.StartOn = D(Today.AddDays(1)); break;
            case "no_reason": request.Reason = " "; break;
            case "other_without_details": request.RestrictionType = RestrictionType.Other; break;
        }

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await Team.RecordRestrictionAsync(request));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains(ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations, v => v.Field == field);
        Assert.Equal(0L, await Host.ScalarAsync<long>("SELECT count(*) FROM intake.person_restrictions WHERE person_id = @p", ("p", Guid.Parse(person))));
        Assert.Equal(0L, await Host.ScalarAsync<long>("SELECT count(*) FROM intake.correspondence WHERE template_code LIKE 'restriction%' AND contact_id IN (SELECT id FROM intake.contacts WHERE person_id = @p)", ("p", Guid.Parse(person))));
    }

    [Fact]
    public async Task A_review_dated_before_the_adjustment_started_or_ending_with_a_next_review_is_refused_and_changes_nothing()
    {
        var (person, _) = await PersonAsync();
        var adjustment = await Team.RecordAdjustmentAsync(new RecordAdjustmentRequest
        {
            PersonId = person, Category = Adjustment.EasyRead, Description = "Easy read letters.", AgreedBy = "Complaints manager",
            FromDate = D(Today.AddDays(-10)), NextReviewOn = D(Today.AddDays(20)),
        });

        var early = await Assert.ThrowsAsync<RpcException>(async () => await Team.ReviewAdjustmentAsync(new ReviewAdjustmentRequest
        {
            AdjustmentId = adjustment.Id, ReviewedOn = D(Today.AddDays(-11)), Outcome = ReviewOutcome.Continue, NextReviewOn = D(Today.AddDays(30)),
        }));
        var endWithNext = await Assert.ThrowsAsync<RpcException>(async () => await Team.ReviewAdjustmentAsync(new ReviewAdjustmentRequest
        {
            AdjustmentId = adjustment.Id, ReviewedOn = D(Today), Outcome = ReviewOutcome.End, NextReviewOn = D(Today.AddDays(30)),
        }));

        Assert.Contains(early.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations, v => v.Field == "reviewed_on");
        Assert.Contains(endWithNext.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations, v => v.Field == "next_review_on");
        var now = (await Team.GetPersonRegistersAsync(new GetPersonRegistersRequest { PersonId = person })).Adjustments.Single();
        Assert.Empty(now.Reviews);
        Assert.Equal(D(Today.AddDays(20)), now.NextReviewOn);
    }
}
