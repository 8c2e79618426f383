using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Intake.Tests.Support;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.TestInfrastructure;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace ComplaintsPlatform.Intake.Tests;

public sealed class ValidationTests(IntakeFixture fixture) : IClassFixture<IntakeFixture>
{
    private IntakeHost Host => fixture.Host;

    public static TheoryData<string, string, bool> BadSubmissions => new()
    {
        // case, the field named in the violation, submitted by staff
        { "empty description", "description", false },
        { "blank name", "name", false },
        { "oversize description", "description", false },
        { "impossible date", "happened_on", false },
        { "future happened_on", "happened_on", false },
        { "future received_at", "received_at", true },
        { "public gives received_at", "received_at", false },
        { "unknown kind", "kind", false },
        { "unspecified kind", "kind", false },
        { "unknown channel", "channel", true },
        { "unknown adjustment", "adjustments[0]", false },
        { "malformed email", "contact.email", false },
        { "malformed phone", "contact.phone", false },
        { "representative without consent", "representative.consent_recorded", false },
        { "oversize attachment", "attachments[0].content", false },
        { "empty attachment", "attachments[0].content", false },
        { "disallowed attachment type", "attachments[0].content", false },
        { "email preferred without email", "contact.email", false },
        { "unknown service area", "service_area_id", false },
        { "no way to reply", "contact", false },
        { "missing request id", "client_request_id", false },
    };

    [Theory]
    [MemberData(nameof(BadSubmissions))]
    public async Task Bad_input_is_INVALID_ARGUMENT_naming_the_field_and_writes_nothing(string badCase, string field, bool byStaff)
    {
        var request = byStaff ? Requests.ByStaff(DateTime.UtcNow.AddDays(-1)) : Requests.Public();
        Spoil(request, badCase);
        var before = await CountsAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await Host.Client(byStaff ? TestIdentity.Token(Roles.Staff) : null).SubmitAsync(request));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var badRequest = ex.GetRpcStatus()!.GetDetail<BadRequest>();
        Assert.Contains(badRequest.FieldViolations, v => v.Field == field);
        Assert.Equal(before, await CountsAsync());
    }

    private static void Spoil(SubmitRequest r, string badCase)
    {
        switch (badCase)
        {
            case "empty description": r.Description = "   "; break;
            case "blank name": r.Name = ""; break;
            case "oversize description": r.Description = new string('x', 20_001); break;
            case "impossible date": r.HappenedOn = new Google.Type.Date { Year = 2025, Month = 2, Day = 30 }; break;
            case "future happened_on": r.HappenedOn = new Google.Type.Date { Year = DateTime.UtcNow.Year + 1, Month = 1, Day = 1 }; break;
            case "future received_at": r.ReceivedAt = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(2)); break;
            case "public gives received_at": r.ReceivedAt = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(-2)); break;
            case "unknown kind": r.Kind = (ContactKind)99; break;
            case "unspecified kind": r.Kind = ContactKind.Unspecified; break;
            case "unknown channel": r.Channel = (Channel)42; break;
            case "unknown adjustment": r.Adjustments.Add((Adjustment)77); break;
            case "malformed email": r.Contact.Email = "not-an-email@"; break;
            case "malformed phone": r.Contact.Phone = "call me maybe"; break;
            case "representative without consent":
                r.Representative = new Representative { Name = "Cllr Jones", Relationship = "councillor", ConsentScope = ConsentScope.Full };
                break;
            case "oversize attachment":
                r.Attachments.Add(new AttachmentUpload { FileName = "big.pdf", ContentType = "application/pdf", Content = ByteString.CopyFrom([.. "%PDF-"u8, .. new byte[3 * 1024 * 1024]]) });
                break;
            case "empty attachment":
                r.Attachments.Add(new AttachmentUpload { FileName = "empty.pdf", ContentType = "application/pdf" });
                break;
            case "disallowed attachment type":
                // A program, whatever it is called: told by its content, not its name.
                r.Attachments.Add(new AttachmentUpload { FileName = "letter.pdf", ContentType = "application/pdf", Content = ByteString.CopyFrom(0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00) });
                break;
            case "email preferred without email": r.Contact.Email = ""; break;
            case "unknown service area": r.ServiceAreaId = "no-such-area"; break;
            case "no way to reply": r.Contact = new ContactDetails(); r.PreferredContactMethod = ContactMethod.Unspecified; break;
            case "missing request id": r.ClientRequestId = ""; break;
            default: throw new ArgumentOutOfRangeException(nameof(badCase), badCase, null);
        }
    }

    private async Task<(long, long, long)> CountsAsync() => (
        await Host.ScalarAsync<long>("SELECT count(*) FROM intake.contacts"),
        await Host.ScalarAsync<long>("SELECT count(*) FROM intake.outbox_events"),
        await Host.ScalarAsync<long>("SELECT count(*) FROM intake.attachments"));
}

public sealed class StatusTests(IntakeFixture fixture) : IClassFixture<IntakeFixture>
{
    private IntakeHost Host => fixture.Host;

    [Fact]
    public async Task The_right_token_shows_progress_without_staff_only_detail()
    {
        var reply = await Host.Client().SubmitAsync(Requests.Public());

        var status = await Host.Client().GetStatusAsync(new GetStatusRequest { Reference = reply.Reference, StatusToken = reply.StatusToken });

        Assert.Equal(ContactStage.Received, status.Stage);
        Assert.Equal(reply.Reference, status.Reference);
        Assert.Equal(reply.ReceivedAt, status.ReceivedAt);
    }

    [Fact]
    public async Task A_wrong_token_and_an_unknown_reference_are_both_NOT_FOUND_alike()
    {
        var reply = await Host.Client().SubmitAsync(Requests.Public());
        var other = await Host.Client().SubmitAsync(Requests.Public());

        var wrongToken = await Assert.ThrowsAsync<RpcException>(async () =>
            await Host.Client().GetStatusAsync(new GetStatusRequest { Reference = reply.Reference, StatusToken = other.StatusToken }));
        var unknown = await Assert.ThrowsAsync<RpcException>(async () =>
            await Host.Client().GetStatusAsync(new GetStatusRequest { Reference = "CP-1999-000001", StatusToken = reply.StatusToken }));

        Assert.Equal(StatusCode.NotFound, wrongToken.StatusCode);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(wrongToken.Status.Detail, unknown.Status.Detail);
    }

    [Fact]
    public async Task Status_follows_triage_and_lists_the_letters_sent()
    {
        var reply = await Host.Client().SubmitAsync(Requests.Public());
        await Host.Client(TestIdentity.Token(Roles.ComplaintsTeam)).TriageAsync(new TriageRequest
        {
            ContactId = reply.ContactId, Decision = TriageDecision.Complaint, Stream = CaseWorkflow.V1.ComplaintStream.Corporate,
        });

        ContactStatus status = null!;
        await Eventually.TrueAsync(async () =>
        {
            status = await Host.Client().GetStatusAsync(new GetStatusRequest { Reference = reply.Reference, StatusToken = reply.StatusToken });
            return status.LettersSent.Count == 1;
        }, "the receipt is listed");
        Assert.Equal(ContactStage.Triaged, status.Stage);
        Assert.Equal(TriageDecision.Complaint, status.HandledAs);
    }
}
