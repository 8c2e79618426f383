using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Intake.Tests.Support;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.TestInfrastructure;
using Grpc.Core;
using Xunit;

namespace ComplaintsPlatform.Intake.Tests;

/// <summary>The complaints team finds a person's contacts by reference, name, email, phone or postcode; every search is audited.</summary>
public sealed class SearchTests(IntakeFixture fixture) : IClassFixture<IntakeFixture>
{
    private IntakeHost Host => fixture.Host;

    private V1.Intake.IntakeClient Team => Host.Client(TestIdentity.Token(Roles.ComplaintsTeam, "officer-search"));

    private async Task<SubmitReply> SubmitAsync(string name, string email, string phone, string postcode)
    {
        var request = Requests.Public(email: email);
        request.Name = name;
        request.Contact.Phone = phone;
        request.Contact.Address = new PostalAddress { Lines = { "1 High Street" }, Town = "Anytown", Postcode = postcode };
        return await Host.Client().SubmitAsync(request);
    }

    [Fact]
    public async Task Each_of_reference_name_email_phone_and_postcode_finds_the_contact_however_it_was_typed()
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var line = Random.Shared.Next(10000, 99999);
        var reply = await SubmitAsync($"Morgan Quill{unique}", $"quill-{unique}@example.org", $"+44 7700 9{line}", "LE1 " + unique[..3].ToUpperInvariant());

        var searches = new[]
        {
            new SearchContactsRequest { Reference = reply.Reference.ToLowerInvariant() },
            new SearchContactsRequest { Name = $"quill{unique}" },
            new SearchContactsRequest { Email = $"QUILL-{unique}@EXAMPLE.ORG" },
            new SearchContactsRequest { Phone = $"(07700) 9{line}" },
            new SearchContactsRequest { Postcode = ("le1" + unique[..3]).ToLowerInvariant(), Name = "Morgan" },
        };
        foreach (var search in searches)
        {
            var found = await Team.SearchContactsAsync(search);
            Assert.Equal(reply.ContactId, Assert.Single(found.Matches).ContactId);
        }
        Assert.Empty((await Team.SearchContactsAsync(new SearchContactsRequest { Postcode = "ZZ9 9ZZ", Name = $"quill{unique}" })).Matches);
    }

    [Fact]
    public async Task Every_search_is_in_the_access_log_with_the_fields_searched_and_never_the_words()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var reply = await SubmitAsync($"Robin Audit{unique}", $"audit-{unique}@example.org", "07700 900456", "LE2 1AA");

        await Team.SearchContactsAsync(new SearchContactsRequest { Name = $"audit{unique}" });
        await Team.SearchContactsAsync(new SearchContactsRequest { Name = $"nobody{unique}" });

        Assert.Equal(1, await Host.ScalarAsync<long>(
            "SELECT count(*) FROM intake.access_log WHERE contact_id = @id AND subject = 'officer-search' AND action = 'search by name'",
            ("id", Guid.Parse(reply.ContactId))));
        Assert.True(await Host.ScalarAsync<long>(
            "SELECT count(*) FROM intake.access_log WHERE contact_id = @id AND action = 'search by name (no match)'", ("id", Guid.Empty)) >= 1);
        Assert.Equal(0, await Host.ScalarAsync<long>("SELECT count(*) FROM intake.access_log WHERE action LIKE @words", ("words", $"%{unique}%")));
    }

    [Fact]
    public async Task Only_the_complaints_team_searches_and_an_empty_search_is_refused_with_the_field()
    {
        foreach (var role in new[] { Roles.Staff, Roles.Handler, Roles.ServiceLead })
        {
            var ex = await Assert.ThrowsAsync<RpcException>(async () =>
                await Host.Client(TestIdentity.Token(role)).SearchContactsAsync(new SearchContactsRequest { Name = "Alex" }));
            Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        }
        var invalid = await Assert.ThrowsAsync<RpcException>(async () => await Team.SearchContactsAsync(new SearchContactsRequest()));
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
    }
}
