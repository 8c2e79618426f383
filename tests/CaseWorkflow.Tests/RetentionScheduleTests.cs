using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Retention;
using Microsoft.Extensions.Hosting.Internal;
using Xunit;

namespace ComplaintsPlatform.CaseWorkflow.Tests;

/// <summary>The retention schedule's rules, without a database.</summary>
public sealed class RetentionScheduleTests
{
    [Fact]
    public void The_shipped_schedule_covers_every_kind_and_keeps_complaint_files_six_years_after_closure()
    {
        var schedule = RetentionSchedule.Complete([]);

        Assert.Equal(RetentionSchedule.Kinds, schedule.Select(r => r.Kind));
        var closed = schedule.Single(r => r.Kind == RetentionKind.ClosedCase);
        Assert.Equal((RetentionTrigger.Closed, 72, RetentionAction.Anonymise), (closed.After, closed.Months, closed.Action));
        Assert.Empty(RetentionSchedule.Check(schedule));
    }

    [Fact]
    public void A_councils_rule_replaces_the_default_for_its_kind_only_and_takes_the_kinds_event()
    {
        var schedule = RetentionSchedule.Complete([new RetentionRule { Kind = RetentionKind.Compliment, Months = 12, Action = RetentionAction.Erase }]);

        var compliment = schedule.Single(r => r.Kind == RetentionKind.Compliment);
        Assert.Equal((RetentionTrigger.Received, 12, RetentionAction.Erase), (compliment.After, compliment.Months, compliment.Action));
        Assert.Equal(72, schedule.Single(r => r.Kind == RetentionKind.ClosedCase).Months);
    }

    [Fact]
    public void A_rule_counting_from_another_event_than_its_kinds_is_refused_naming_the_right_one()
    {
        var violations = RetentionSchedule.Check([new RetentionRule
        {
            Kind = RetentionKind.ClosedCase, After = RetentionTrigger.Received, Months = 72, Action = RetentionAction.Anonymise,
        }]);

        var violation = Assert.Single(violations);
        Assert.Equal("rules[0].after", violation.Field);
        Assert.Contains("closure", violation.Description);
    }

    [Fact]
    public void The_access_log_can_only_be_erased_as_there_is_nothing_to_keep()
    {
        var violations = RetentionSchedule.Check([new RetentionRule { Kind = RetentionKind.AccessLog, Months = 24, Action = RetentionAction.Anonymise }]);

        Assert.Equal("rules[0].action", Assert.Single(violations).Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1201)]
    public void A_period_outside_one_month_to_a_hundred_years_is_refused(int months)
    {
        var violations = RetentionSchedule.Check([new RetentionRule { Kind = RetentionKind.Compliment, Months = months, Action = RetentionAction.Erase }]);

        Assert.Equal("rules[0].months", Assert.Single(violations).Field);
    }

    [Fact]
    public void A_kind_given_twice_is_refused()
    {
        var rule = new RetentionRule { Kind = RetentionKind.Compliment, Months = 12, Action = RetentionAction.Erase };

        Assert.Equal("rules[1].kind", Assert.Single(RetentionSchedule.Check([rule, rule.Clone()])).Field);
    }

    [Fact]
    public void A_record_is_due_on_the_day_its_months_have_passed_since_its_event_and_not_the_day_before()
    {
        var schedule = RetentionSchedule.From(RetentionSchedule.Complete([]));

        var cutoff = schedule.DueOnOrBefore(RetentionKind.ClosedCase, new DateOnly(2031, 3, 18));

        Assert.Equal(new DateOnly(2025, 3, 18), cutoff);
        Assert.Null(RetentionSchedule.From([]).DueOnOrBefore(RetentionKind.ClosedCase, new DateOnly(2031, 3, 18)));
    }

    [Fact]
    public void An_approved_erasure_takes_the_schedules_action_and_anonymises_a_kind_without_a_rule()
    {
        var schedule = RetentionSchedule.From([new RetentionRule { Kind = RetentionKind.Correspondence, Months = 1, Action = RetentionAction.Erase }]);

        Assert.Equal(RetentionAction.Erase, schedule.ActionFor(RetentionKind.Correspondence));
        Assert.Equal(RetentionAction.Anonymise, schedule.ActionFor(RetentionKind.ClosedCase));
        Assert.Equal(RetentionAction.Erase, schedule.ActionFor(RetentionKind.AccessLog));
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Outside_Development_and_Testing_a_run_refuses_as_of(string environment)
    {
        var ex = Assert.Throws<RuleViolationException>(() =>
            RetentionAsOf.Resolve(new Google.Type.Date { Year = 2099, Month = 1, Day = 1 }, new HostingEnvironment { EnvironmentName = environment }, new DateOnly(2026, 12, 6)));

        Assert.Contains("only in Development or Testing", ex.Message);
        Assert.Equal(new DateOnly(2026, 12, 6), RetentionAsOf.Resolve(null, new HostingEnvironment { EnvironmentName = environment }, new DateOnly(2026, 12, 6)));
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Testing")]
    public void In_Development_and_Testing_as_of_moves_the_runs_day(string environment) =>
        Assert.Equal(new DateOnly(2099, 1, 1),
            RetentionAsOf.Resolve(new Google.Type.Date { Year = 2099, Month = 1, Day = 1 }, new HostingEnvironment { EnvironmentName = environment }, new DateOnly(2026, 12, 6)));
}
