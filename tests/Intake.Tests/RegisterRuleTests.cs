using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Intake.Correspondence;
using ComplaintsPlatform.Intake.Domain.Registers;
using ComplaintsPlatform.Intake.V1;
using Xunit;

namespace ComplaintsPlatform.Intake.Tests;

public sealed class RegisterRuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static Google.Type.Date D(DateOnly d) => new() { Year = d.Year, Month = d.Month, Day = d.Day };

    [Fact]
    public void A_restriction_may_start_today_or_earlier_but_not_tomorrow()
    {
        var request = new RecordRestrictionRequest
        {
            PersonId = Guid.NewGuid().ToString(), RestrictionType = RestrictionType.LimitedCalls, Reason = "r",
            StartOn = D(Today), ReviewOn = D(Today.AddDays(1)),
        };
        Assert.Equal((Today, Today.AddDays(1)), RegisterRules.CheckRestriction(request, Today));
        request.StartOn = D(Today.AddDays(-30));
        RegisterRules.CheckRestriction(request, Today);
        request.StartOn = D(Today.AddDays(1));
        request.ReviewOn = D(Today.AddDays(10));
        var ex = Assert.Throws<ValidationException>(() => RegisterRules.CheckRestriction(request, Today));
        Assert.Contains(ex.Violations, v => v.Field == "start_on");
    }

    [Fact]
    public void An_ended_record_cannot_be_reviewed_again()
    {
        Assert.Throws<RuleViolationException>(() => RegisterRules.CheckReview(D(Today), ReviewOutcome.Continue, D(Today.AddDays(1)), "",
            Today.AddDays(-5), endedOn: Today.AddDays(-1), Today, new Validator()));
    }

    [Fact]
    public void The_restriction_notice_tells_the_person_complaining_is_not_barred_and_of_their_right_to_go_to_the_Ombudsman()
    {
        var letter = Templates.Render(Templates.RestrictionNotice, new Dictionary<string, string>
        {
            ["restriction_text"] = "please contact us in writing only", ["reason"] = "abusive calls", ["start_on"] = "25 November 2026",
            ["review_on"] = "25 May 2027",
        }, "CP-2026-000001");
        var text = string.Join("\n", letter.Paragraphs);
        Assert.Contains("does not stop you making a complaint", text);
        Assert.Contains("Ombudsman", text);
        Assert.Contains("25 May 2027", text);
    }
}
