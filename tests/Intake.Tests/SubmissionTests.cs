using System.Diagnostics;
using System.Security.Cryptography;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Intake.Tests.Support;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.TestInfrastructure;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Xunit;

namespace ComplaintsPlatform.Intake.Tests;

public sealed class SubmissionTests(IntakeFixture fixture) : IClassFixture<IntakeFixture>
{
    private IntakeHost Host => fixture.Host;

    [Fact]
    public async Task A_public_submission_gets_a_kind_neutral_reference_and_a_token_and_its_event_commits_with_it()
    {
        var request = Requests.Public();

        var reply = await Host.Client().SubmitAsync(request);

        Assert.Matches(@"^CP-\d{4}-\d{6}$", reply.Reference);
        Assert.True(reply.StatusToken.Length >= 40);
        var id = Guid.Parse(reply.ContactId);
        Assert.Equal(1L, await Host.ScalarAsync<long>("SELECT count(*) FROM intake.contacts WHERE id = @id", ("id", id)));
        Assert.Equal(1L, await Host.ScalarAsync<long>(
            "SELECT count(*) FROM intake.outbox_events WHERE event_type = 'complaints.intake.v1.ContactReceived' AND position(@ref::bytea in payload) > 0",
            ("ref", System.Text.Encoding.UTF8.GetBytes(reply.Reference))));
        // Only the token's hash is stored.
        var stored = await Host.ScalarAsync<byte[]>("SELECT status_token_hash FROM intake.contacts WHERE id = @id", ("id", id));
        Assert.Equal(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(reply.StatusToken)), stored);
    }

    [Fact]
    public async Task Staff_log_a_letter_on_someones_behalf_with_the_date_it_really_arrived()
    {
        var arrived = DateTime.UtcNow.AddDays(-4);
        var request = Requests.ByStaff(arrived);

        var reply = await Host.Client(TestIdentity.Token(Roles.Staff, "officer-letters")).SubmitAsync(request);

        var detail = await Host.Client(TestIdentity.Token(Roles.ComplaintsTeam)).GetContactAsync(new GetContactRequest { ContactId = reply.ContactId });
        Assert.Equal(arrived, detail.ReceivedAt.ToDateTime(), TimeSpan.FromMilliseconds(1));
        Assert.Equal("officer-letters", detail.RecordedBy);
        Assert.Equal(Channel.Letter, detail.Channel);
        Assert.True(detail.RecordedAt.ToDateTime() > detail.ReceivedAt.ToDateTime());
    }

    [Fact]
    public async Task The_person_reads_the_day_it_arrived_in_the_councils_time_zone_not_in_utc()
    {
        // 23:30 UTC on 14 August is 00:30 on 15 August in London (British Summer Time).
        var arrived = new DateTime(2025, 8, 14, 23, 30, 0, DateTimeKind.Utc);
        var reply = await Host.Client(TestIdentity.Token(Roles.Staff, "officer-letters")).SubmitAsync(Requests.ByStaff(arrived));

        var status = await Host.Client().GetStatusAsync(new GetStatusRequest { Reference = reply.Reference, StatusToken = reply.StatusToken });

        Assert.Equal(arrived, status.ReceivedAt.ToDateTime(), TimeSpan.FromMilliseconds(1));
        Assert.Equal((2025, 8, 15), (status.ReceivedOn.Year, status.ReceivedOn.Month, status.ReceivedOn.Day));
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        Assert.InRange(new DateOnly(status.LastUpdateOn.Year, status.LastUpdateOn.Month, status.LastUpdateOn.Day),
            DateOnly.FromDateTime(today.DateTime).AddDays(-1), DateOnly.FromDateTime(today.DateTime));
    }

    [Fact]
    public async Task Every_contact_kind_and_channel_can_be_logged_and_member_enquiries_are_marked()
    {
        var staff = Host.Client(TestIdentity.Token(Roles.Staff));
        var team = Host.Client(TestIdentity.Token(Roles.ComplaintsTeam));
        foreach (var kind in System.Enum.GetValues<ContactKind>().Where(k => k != ContactKind.Unspecified))
        {
            foreach (var channel in System.Enum.GetValues<Channel>().Where(c => c != Channel.Unspecified))
            {
                var reply = await staff.SubmitAsync(Requests.ByStaff(DateTime.UtcNow.AddHours(-1), kind, channel));
                var detail = await team.GetContactAsync(new GetContactRequest { ContactId = reply.ContactId });
                Assert.Equal((kind, channel), (detail.Kind, detail.Channel));
                Assert.Equal(kind == ContactKind.MemberEnquiry || channel is Channel.Councillor or Channel.Mp, detail.MemberEnquiry);
            }
        }
    }

    [Fact]
    public async Task A_retried_submit_returns_the_first_result_and_never_a_second_record()
    {
        var request = Requests.Public();
        var client = Host.Client();

        var replies = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.SubmitAsync(request).ResponseAsync));
        var again = await client.SubmitAsync(request);

        Assert.Single(replies.Append(again).Select(r => (r.ContactId, r.Reference, r.StatusToken)).Distinct());
        Assert.Equal(1L, await Host.ScalarAsync<long>("SELECT count(*) FROM intake.contacts WHERE client_request_id = @id", ("id", request.ClientRequestId)));
        Assert.Equal(1L, await Host.ScalarAsync<long>("SELECT count(*) FROM intake.correspondence WHERE request_id = @r", ("r", $"receipt:{again.ContactId}")));
    }

    [Fact]
    public async Task A_retried_submit_takes_no_reference_number_and_writes_no_person()
    {
        var request = Requests.Public();
        var client = Host.Client();
        var first = await client.SubmitAsync(request);
        var lastNumber = await Host.ScalarAsync<long>("SELECT last_value FROM intake.contact_reference_seq");
        var persons = await Host.ScalarAsync<long>("SELECT count(*) FROM intake.persons");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(first.Reference, (await client.SubmitAsync(request)).Reference);
        }

        Assert.Equal(lastNumber, await Host.ScalarAsync<long>("SELECT last_value FROM intake.contact_reference_seq"));
        Assert.Equal(persons, await Host.ScalarAsync<long>("SELECT count(*) FROM intake.persons"));
    }

    [Fact]
    public async Task A_request_id_reused_for_different_content_is_refused()
    {
        var request = Requests.Public();
        await Host.Client().SubmitAsync(request);
        request.Description += " And something else.";

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await Host.Client().SubmitAsync(request));

        Assert.Equal(StatusCode.AlreadyExists, ex.StatusCode);
    }

    [Fact]
    public async Task Attachments_are_stored_with_their_sha256_and_fetched_by_staff_who_may_see_the_contact()
    {
        var request = Requests.Public();
        var content = RandomNumberGenerator.GetBytes(200_000);
        content[0] = 0xFF; content[1] = 0xD8; content[2] = 0xFF; // a JPEG, by its first bytes
        request.Attachments.Add(new AttachmentUpload { FileName = "photo.jpg", ContentType = "image/jpeg", Content = ByteString.CopyFrom(content) });

        var reply = await Host.Client().SubmitAsync(request);
        var team = Host.Client(TestIdentity.Token(Roles.ComplaintsTeam));
        var info = (await team.GetContactAsync(new GetContactRequest { ContactId = reply.ContactId })).Attachments.Single();
        var fetched = await team.GetAttachmentAsync(new GetAttachmentRequest { AttachmentId = info.Id });

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), info.Sha256);
        Assert.Equal(content.Length, info.SizeBytes);
        Assert.Equal(content, fetched.Content.ToByteArray());
        var denied = await Assert.ThrowsAsync<RpcException>(async () =>
            await Host.Client(TestIdentity.Token(Roles.Staff, "someone-else")).GetAttachmentAsync(new GetAttachmentRequest { AttachmentId = info.Id }));
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }

    [Fact]
    public async Task Equality_monitoring_answers_are_stored_apart_and_never_linked_to_the_contact()
    {
        var request = Requests.Public();
        request.EqualityMonitoring = new EqualityMonitoring { AgeBand = "35-44", Ethnicity = "eq-marker-" + Guid.NewGuid().ToString("N") };

        await Host.Client().SubmitAsync(request);

        Assert.Equal(1L, await Host.ScalarAsync<long>("SELECT count(*) FROM intake.equality_answers WHERE ethnicity = @e", ("e", request.EqualityMonitoring.Ethnicity)));
        var columns = await Host.ListAsync<string>("SELECT column_name::text FROM information_schema.columns WHERE table_schema = 'intake' AND table_name = 'equality_answers'");
        Assert.DoesNotContain(columns, c => c.Contains("contact_id") || c.Contains("person"));
    }

    [Fact]
    public async Task The_receipt_is_queued_in_the_same_commit_and_emailed_at_once()
    {
        var request = Requests.Public();

        var reply = await Host.Client().SubmitAsync(request);

        var mail = await Host.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == request.Contact.Email), "the receipt arrives");
        Assert.Contains(reply.Reference, mail.Subject);
        Assert.Contains("adjustments", mail.TextBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("What happens next", mail.TextBody);
    }
}

public sealed class RedisOutageTests
{
    [Fact]
    public async Task Submit_stays_prompt_and_refuses_duplicates_with_redis_server_stopped_mid_test()
    {
        using var redis = await TestRedis.StartAsync();
        await using var host = await IntakeHost.StartAsync(redis);
        var client = host.Client();
        var first = Requests.Public();
        var firstReply = await client.SubmitAsync(first);
        Assert.Equal(firstReply.ContactId, (await client.SubmitAsync(first)).ContactId);

        redis.Stop();

        var clock = Stopwatch.StartNew();
        var retried = await client.SubmitAsync(first);
        var second = Requests.Public();
        var secondReply = await client.SubmitAsync(second);
        var secondRetry = await client.SubmitAsync(second);
        clock.Stop();

        Assert.Equal(firstReply.ContactId, retried.ContactId);
        Assert.Equal(secondReply.ContactId, secondRetry.ContactId);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"Three submissions took {clock.Elapsed.TotalMilliseconds} ms without Redis.");
        Assert.Equal(2L, await host.ScalarAsync<long>("SELECT count(*) FROM intake.contacts"));
    }
}
