using ComplaintsPlatform.Intake.Tests.Support;
using ComplaintsPlatform.Intake.V1;
using Grpc.Core;
using Xunit;

namespace ComplaintsPlatform.Intake.Tests;

/// <summary>Submissions that arrive together share a commit; each still gets its own answer (ADR 0026).</summary>
public sealed class GroupCommitTests(IntakeFixture fixture) : IClassFixture<IntakeFixture>
{
    private IntakeHost Host => fixture.Host;

    [Fact]
    public async Task Submissions_arriving_together_share_commits_and_each_gets_its_own_reference_event_and_receipt()
    {
        var client = Host.Client();
        var requests = Enumerable.Range(0, 40).Select(_ => Requests.Public()).ToList();

        var replies = await Task.WhenAll(requests.Select(r => client.SubmitAsync(r).ResponseAsync));

        Assert.Equal(40, replies.Select(r => r.Reference).Distinct().Count());
        var ids = replies.Select(r => Guid.Parse(r.ContactId)).ToArray();
        Assert.Equal(40L, await Host.ScalarAsync<long>("SELECT count(*) FROM intake.contacts WHERE id = ANY(@ids)", ("ids", ids)));
        Assert.Equal(40L, await Host.ScalarAsync<long>(
            "SELECT count(*) FROM intake.correspondence WHERE contact_id = ANY(@ids) AND request_id = 'receipt:' || contact_id", ("ids", ids)));
        foreach (var reply in replies)
        {
            Assert.Equal(1L, await Host.ScalarAsync<long>(
                "SELECT count(*) FROM intake.outbox_events WHERE event_type = 'complaints.intake.v1.ContactReceived' AND position(@ref::bytea in payload) > 0",
                ("ref", System.Text.Encoding.UTF8.GetBytes(reply.Reference))));
        }
        // Fewer transactions than contacts: some commits carried several.
        var transactions = await Host.ScalarAsync<long>("SELECT count(DISTINCT xmin::text) FROM intake.contacts WHERE id = ANY(@ids)", ("ids", ids));
        Assert.True(transactions < 40, $"{transactions} transactions for 40 contacts");
    }

    [Fact]
    public async Task The_same_request_sent_many_times_at_once_is_recorded_once_and_a_changed_copy_is_refused()
    {
        var client = Host.Client();
        var request = Requests.Public();
        var changed = request.Clone();
        changed.Description += " Also the recycling.";
        var others = Enumerable.Range(0, 10).Select(_ => Requests.Public()).ToList();

        // Sent together, either content may be recorded first; the other is then refused every time.
        var calls = Enumerable.Range(0, 8).Select(_ => request).Append(changed).Select(r => Outcome(client.SubmitAsync(r).ResponseAsync)).ToList();
        var rest = others.Select(r => client.SubmitAsync(r).ResponseAsync).ToList();
        var outcomes = await Task.WhenAll(calls);

        var recorded = outcomes.Where(o => o.Reply is not null).Select(o => o.Reply!).ToList();
        Assert.Single(recorded.Select(r => (r.ContactId, r.Reference, r.StatusToken)).Distinct());
        Assert.All(outcomes.Where(o => o.Reply is null), o => Assert.Equal(StatusCode.AlreadyExists, o.Refused));
        Assert.Contains(recorded.Count, new[] { 1, 8 });
        Assert.Equal(recorded.Count == 8, outcomes[8].Reply is null);
        Assert.Equal(1L, await Host.ScalarAsync<long>("SELECT count(*) FROM intake.contacts WHERE client_request_id = @id", ("id", request.ClientRequestId)));
        Assert.Equal(10, (await Task.WhenAll(rest)).Select(r => r.Reference).Distinct().Count());
    }

    private static async Task<(SubmitReply? Reply, StatusCode Refused)> Outcome(Task<SubmitReply> call)
    {
        try
        {
            return (await call, StatusCode.OK);
        }
        catch (RpcException ex)
        {
            return (null, ex.StatusCode);
        }
    }

    [Fact]
    public async Task A_persons_contacts_sent_at_the_same_moment_are_still_checked_against_each_other_for_duplicates()
    {
        var client = Host.Client();
        var email = $"twice-{Guid.NewGuid():N}@example.org";
        const string words = "The same pothole on Mill Lane has burst two tyres and nobody has come to fill it in.";
        var requests = Enumerable.Range(0, 3).Select(_ => Requests.Public(words, email)).ToList();

        var replies = await Task.WhenAll(requests.Select(r => client.SubmitAsync(r).ResponseAsync));

        var ids = replies.Select(r => Guid.Parse(r.ContactId)).ToArray();
        Assert.Equal(1L, await Host.ScalarAsync<long>("SELECT count(DISTINCT person_id) FROM intake.contacts WHERE id = ANY(@ids)", ("ids", ids)));
        // Each later contact is flagged against every earlier one: 0 + 1 + 2.
        Assert.Equal(3L, await Host.ScalarAsync<long>("SELECT count(*) FROM intake.duplicate_flags WHERE contact_id = ANY(@ids)", ("ids", ids)));
    }

    [Fact]
    public async Task A_known_persons_contact_among_new_peoples_is_still_checked_for_duplicates_and_every_one_is_recorded()
    {
        var client = Host.Client();
        var email = $"again-{Guid.NewGuid():N}@example.org";
        const string words = "The streetlight outside 14 Ash Grove has been out for three weeks and the path is dark.";
        var earlier = await client.SubmitAsync(Requests.Public(words, email));
        var known = Requests.Public(words, email);
        var fresh = Enumerable.Range(0, 20).Select(_ => Requests.Public()).ToList();

        var calls = fresh.Take(10).Append(known).Concat(fresh.Skip(10)).Select(r => client.SubmitAsync(r).ResponseAsync).ToList();
        var replies = await Task.WhenAll(calls);

        Assert.Equal(22, replies.Select(r => r.Reference).Append(earlier.Reference).Distinct().Count());
        var ids = replies.Select(r => Guid.Parse(r.ContactId)).ToArray();
        Assert.Equal(21L, await Host.ScalarAsync<long>("SELECT count(*) FROM intake.contacts WHERE id = ANY(@ids)", ("ids", ids)));
        Assert.Equal(21L, await Host.ScalarAsync<long>(
            "SELECT count(*) FROM intake.correspondence WHERE contact_id = ANY(@ids) AND request_id = 'receipt:' || contact_id", ("ids", ids)));
        var again = Guid.Parse(replies[10].ContactId);
        Assert.Equal(await Host.ScalarAsync<Guid>("SELECT person_id FROM intake.contacts WHERE id = @id", ("id", Guid.Parse(earlier.ContactId))),
            await Host.ScalarAsync<Guid>("SELECT person_id FROM intake.contacts WHERE id = @id", ("id", again)));
        Assert.Equal(Guid.Parse(earlier.ContactId), await Host.ScalarAsync<Guid>(
            "SELECT other_contact_id FROM intake.duplicate_flags WHERE contact_id = @id", ("id", again)));
        // Each new person once, and no person row for the known one's second contact.
        Assert.Equal(21L, await Host.ScalarAsync<long>("SELECT count(DISTINCT person_id) FROM intake.contacts WHERE id = ANY(@ids)", ("ids", ids)));
    }

    [Fact]
    public async Task A_submission_the_database_refuses_fails_alone_and_the_rest_of_its_batch_is_recorded()
    {
        await Host.ScalarAsync<int>("""
            CREATE OR REPLACE FUNCTION intake.test_refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF NEW.description LIKE 'POISON%' THEN RAISE EXCEPTION 'refused by the test'; END IF;
              RETURN NEW;
            END $$;
            DROP TRIGGER IF EXISTS test_refuse_poison ON intake.contacts;
            CREATE TRIGGER test_refuse_poison BEFORE INSERT ON intake.contacts FOR EACH ROW EXECUTE FUNCTION intake.test_refuse_poison();
            SELECT 1;
            """);
        try
        {
            var client = Host.Client();
            var poison = Requests.Public("POISON: a description the database refuses.");
            var good = Enumerable.Range(0, 30).Select(_ => Requests.Public()).ToList();

            var calls = good.Take(15).Append(poison).Concat(good.Skip(15)).Select(r => client.SubmitAsync(r).ResponseAsync).ToList();
            var failed = calls[15];
            calls.RemoveAt(15);
            var replies = await Task.WhenAll(calls);
            var ex = await Assert.ThrowsAsync<RpcException>(() => failed);

            Assert.Equal(StatusCode.Internal, ex.StatusCode);
            Assert.Equal(30, replies.Select(r => r.Reference).Distinct().Count());
            Assert.Equal(0L, await Host.ScalarAsync<long>("SELECT count(*) FROM intake.contacts WHERE client_request_id = @id", ("id", poison.ClientRequestId)));
            var ids = replies.Select(r => Guid.Parse(r.ContactId)).ToArray();
            Assert.Equal(30L, await Host.ScalarAsync<long>("SELECT count(*) FROM intake.contacts WHERE id = ANY(@ids)", ("ids", ids)));
        }
        finally
        {
            await Host.ScalarAsync<int>("DROP TRIGGER test_refuse_poison ON intake.contacts; DROP FUNCTION intake.test_refuse_poison(); SELECT 1;");
        }
    }
}
