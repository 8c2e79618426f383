using ComplaintsPlatform.Compliments.Domain;
using ComplaintsPlatform.Compliments.V1;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Intake.V1;
using Compliment = ComplaintsPlatform.Compliments.Domain.Compliment;

namespace ComplaintsPlatform.Compliments.Tests;

public sealed class DomainRuleTests
{
    private static readonly DateTimeOffset s_now = new(2025, 5, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(2025, 3, 31, 2024)]
    [InlineData(2025, 4, 1, 2025)]
    [InlineData(2025, 1, 1, 2024)]
    [InlineData(2024, 12, 31, 2024)]
    public void The_financial_year_runs_from_1_April_to_31_March_named_by_its_first_year(int y, int m, int d, int expected)
    {
        Assert.Equal(expected, ReportingYear.Of(new DateOnly(y, m, d), YearBasis.Financial));
        Assert.Equal(y, ReportingYear.Of(new DateOnly(y, m, d), YearBasis.Calendar));
        Assert.Equal("2024/25", ReportingYear.Label(2024, YearBasis.Financial));
        Assert.Equal((new DateOnly(1999, 4, 1), new DateOnly(2000, 3, 31)), ReportingYear.Range(1999, YearBasis.Financial));
    }

    [Fact]
    public void Praise_between_staff_is_not_a_compliment()
    {
        var ex = Assert.Throws<RuleViolationException>(() => Compliment.RecordByStaff(
            "libraries", "libraries-central", null, Channel.StaffForm, new DateOnly(2025, 4, 1), "Great teamwork", Giver.CouncilStaff, "officer-1", s_now));

        Assert.Contains("members of the public", ex.Message);
    }

    [Theory]
    [InlineData("Ring 01632 960 001 to thank them", false)]
    [InlineData("Thanks from LE1 6ZG", false)]
    [InlineData("mail me at a@b.co", false)]
    [InlineData("Staff were kind and quick.", true)]
    public void Quotable_text_must_carry_no_contact_details(string text, bool acceptable)
    {
        Assert.Equal(acceptable, QuotableTextRules.Validate(true, text).IsValid);
    }

    [Fact]
    public void Quotable_text_without_consent_is_refused()
    {
        Assert.False(QuotableTextRules.Validate(false, "Lovely people").IsValid);
        Assert.True(QuotableTextRules.Validate(false, "").IsValid);
    }

    [Fact]
    public void A_compliment_sent_back_to_triage_can_no_longer_be_quoted_or_amended()
    {
        var compliment = Compliment.FromTriage("contact-1", "CON-1", "person-1", "waste", Channel.Mp, new DateOnly(2025, 4, 1), "officer-1", s_now);
        Assert.Equal(Giver.OnBehalfOfMemberOfPublic, compliment.Giver);

        compliment.SendBackToTriage(RetriageReason.IsServiceRequest, "officer-1", s_now);

        Assert.Throws<RuleViolationException>(() => compliment.SetQuoteConsent(true, "Good", "officer-1", s_now));
        Assert.Throws<RuleViolationException>(() => compliment.Amend("words", null, null, null));
    }
}
