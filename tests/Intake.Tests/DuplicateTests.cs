using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Intake.Tests.Support;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.TestInfrastructure;
using Xunit;

namespace ComplaintsPlatform.Intake.Tests;

public sealed class DuplicateTests(IntakeFixture fixture) : IClassFixture<IntakeFixture>
{
    private const string Text = "The recycling bin at 14 Mill Lane has not been collected for three weeks and the crew ignore it";
    private const string Reworded = "Recycling bin at 14 Mill Lane not collected for three weeks now, the crew keep ignoring it";

    private IntakeHost Host => fixture.Host;

    private V1.Intake.IntakeClient Team => Host.Client(TestIdentity.Token(Roles.ComplaintsTeam));

    private async Task<ContactDetail> DetailAsync(SubmitReply reply) =>
        await Team.GetContactAsync(new GetContactRequest { ContactId = reply.ContactId });

    [Fact]
    public async Task Similar_words_from_the_same_person_within_the_window_are_flagged_and_never_merged()
    {
        var email = $"dup-{Guid.NewGuid():N}@example.org";
        var first = await Host.Client().SubmitAsync(Requests.Public(Text, email));
        var second = await Host.Client().SubmitAsync(Requests.Public(Reworded, email.ToUpperInvariant()));

        var detail = await DetailAsync(second);

        var flag = Assert.Single(detail.PossibleDuplicates);
        Assert.Equal((first.ContactId, first.Reference, "OPEN"), (flag.OtherContactId, flag.OtherReference, flag.Status));
        Assert.True(flag.Similarity is > 0.45 and < 1);
        Assert.Equal((await DetailAsync(first)).PersonId, detail.PersonId);
        Assert.NotEqual(first.ContactId, second.ContactId);

        var resolved = await Team.ResolveDuplicateFlagAsync(new ResolveDuplicateFlagRequest { FlagId = flag.Id, Confirmed = true });
        Assert.Equal("CONFIRMED", resolved.PossibleDuplicates.Single().Status);
        Assert.Equal(2L, await Host.ScalarAsync<long>("SELECT count(*) FROM intake.contacts WHERE person_id = @p", ("p", Guid.Parse(detail.PersonId))));
    }

    [Fact]
    public async Task Near_misses_are_not_flagged_other_person_other_matter_or_outside_the_window()
    {
        var email = $"near-{Guid.NewGuid():N}@example.org";
        var staff = Host.Client(TestIdentity.Token(Roles.Staff));
        var longAgo = Requests.ByStaff(DateTime.UtcNow.AddDays(-200));
        longAgo.Description = Text;
        longAgo.Contact.Email = email;
        await staff.SubmitAsync(longAgo);
        await Host.Client().SubmitAsync(Requests.Public(Text));  // same words, another person

        var otherMatter = await Host.Client().SubmitAsync(Requests.Public("Library opening hours on Saturdays are too short for working parents", email));
        var sameWordsNow = await Host.Client().SubmitAsync(Requests.Public(Text, $"else-{Guid.NewGuid():N}@example.org"));

        Assert.Empty((await DetailAsync(otherMatter)).PossibleDuplicates);
        Assert.Empty((await DetailAsync(sameWordsNow)).PossibleDuplicates);
        // The same person's same words 200 days earlier are outside the 90-day window.
        var sameWordsLongAfter = await Host.Client().SubmitAsync(Requests.Public(Text, email));
        Assert.Empty((await DetailAsync(sameWordsLongAfter)).PossibleDuplicates);
    }

    [Fact]
    public async Task The_same_phone_number_written_differently_is_the_same_person()
    {
        var phone = $"07700 9{Random.Shared.Next(10000, 99999)}";
        var a = Requests.Public(Text);
        a.Contact = new ContactDetails { Phone = phone };
        a.PreferredContactMethod = ContactMethod.Phone;
        var b = Requests.Public(Reworded);
        b.Contact = new ContactDetails { Phone = "+44 " + phone[1..] };
        b.PreferredContactMethod = ContactMethod.Phone;

        var first = await Host.Client().SubmitAsync(a);
        var second = await Host.Client().SubmitAsync(b);

        Assert.Equal(first.ContactId, Assert.Single((await DetailAsync(second)).PossibleDuplicates).OtherContactId);
    }
}
