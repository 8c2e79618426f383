using ComplaintsPlatform.CaseWorkflow.Tests.Cases;
using ComplaintsPlatform.CaseWorkflow.V1;
using Xunit;
using static ComplaintsPlatform.CaseWorkflow.Tests.Import.ImportFiles;

namespace ComplaintsPlatform.CaseWorkflow.Tests.Import;

/// <summary>Adult and children's social care history imports like corporate history, with the steps the regulations add.</summary>
public sealed class StatutoryImportTests(CaseHostFixture fx) : IClassFixture<CaseHostFixture>
{
    private const string Header =
        "source_id,stream,service_area,team,handler,received,acknowledged,discussion_offered,discussion_accepted,response_period_agreed,agreed_response_due," +
        "responded,finding,eligibility,eligibility_recorded,advocate_offered,advocate_accepted,escalation_requested,escalation_accepted,stage2_handler," +
        "stage2_acknowledged,independent_person,independent_person_appointed,complaint_record_agreed,stage2_responded,stage2_finding," +
        "stage3_requested,stage3_accepted,stage3_handler,panel_members,panel_appointed,panel_met,panel_reported,stage3_responded,stage3_finding";

    [Fact]
    public async Task An_adult_row_imports_with_the_offer_to_discuss_and_the_response_date_agreed_with_the_person()
    {
        var p = "asc-" + Guid.NewGuid().ToString("N")[..8];
        var report = await SendAsync(Client(fx.Host).ImportCases(), "asc.csv", Csv(Header,
            $"{p},ADULT_SOCIAL_CARE,adult-assessment,,,2023-03-01,2023-03-03,yes,no,2023-03-03,2023-04-28,2023-04-20,UPHELD,,,,,,,,,,,,,,,,,,,,,,"));

        Assert.Empty(report.Errors);
        var c = await fx.Team.FindCaseByReferenceAsync(new FindCaseByReferenceRequest { Reference = $"IMP-{p}" });
        Assert.Equal((true, false), (c.Statutory.DiscussionOffered, c.Statutory.DiscussionAccepted));
        Assert.Equal(CaseHostFixture.D(4, 28, 2023), c.Statutory.AgreedPeriods.Single().Due);
        Assert.Equal(CaseEnding.ResponseSent, c.Ending);
    }

    [Fact]
    public async Task A_childrens_row_imports_all_three_stages_with_eligibility_advocate_independent_person_and_panel()
    {
        var p = "csc-" + Guid.NewGuid().ToString("N")[..8];
        var report = await SendAsync(Client(fx.Host).ImportCases(), "csc.csv", Csv(Header,
            $"{p},CHILDREN_SOCIAL_CARE,childrens-social-care,cin-north,officer-csc-01,2023-04-03,2023-04-04,,,,,2023-04-14,NOT_UPHELD," +
            "CHILD_OR_YOUNG_PERSON,2023-04-03,2023-04-03,yes,2023-04-20,2023-04-21,officer-csc-02,2023-04-24,ip-101,2023-04-24,2023-04-25,2023-05-26,PARTLY_UPHELD," +
            "2023-06-05,2023-06-06,officer-lo-01,panel-1;panel-2;panel-3,2023-06-07,2023-06-28,2023-07-03,2023-07-14,NOT_UPHELD"));

        Assert.Empty(report.Errors);
        var c = await fx.Team.FindCaseByReferenceAsync(new FindCaseByReferenceRequest { Reference = $"IMP-{p}" });
        Assert.Equal((V1.CaseStatus.Closed, 3, Finding.NotUpheld), (c.Status, c.CurrentStage, c.Stages[2].Response.Overall));
        Assert.Equal((Eligibility.ChildOrYoungPerson, true, true), (c.Statutory.Eligibility, c.Statutory.AdvocateOffered, c.Statutory.AdvocateAccepted));
        Assert.Equal("ip-101", c.Statutory.IndependentPersonId);
        Assert.Equal(["panel-1", "panel-2", "panel-3"], c.Statutory.PanelMemberIds);
        var steps = (await fx.Host.OutboxEventsAsync<StatutoryStepRecorded>()).Where(e => e.Header.CaseId == c.Id).Select(e => e.StepCode).ToList();
        Assert.Equal(["ELIGIBILITY_RECORDED", "ADVOCACY_OFFERED", "INDEPENDENT_PERSON_APPOINTED", "COMPLAINT_RECORD_AGREED", "PANEL_APPOINTED", "PANEL_MET", "PANEL_REPORTED"], steps);
    }

    [Fact]
    public async Task A_statutory_row_missing_a_step_the_regulations_need_fails_naming_its_column()
    {
        var p = "miss-" + Guid.NewGuid().ToString("N")[..8];
        var report = await SendAsync(Client(fx.Host).ImportCases(), "missing.csv", Csv(Header,
            $"{p}-1,ADULT_SOCIAL_CARE,adult-assessment,,,2023-03-01,2023-03-03,,,,,2023-04-20,UPHELD,,,,,,,,,,,,,,,,,,,,,,",
            $"{p}-2,ADULT_SOCIAL_CARE,adult-assessment,,,2023-03-01,2023-03-03,no,,,,2023-04-20,UPHELD,,,,,,,,,,,,,,,,,,,,,,",
            $"{p}-3,CHILDREN_SOCIAL_CARE,childrens-social-care,,,2023-04-03,2023-04-04,,,,,2023-04-14,NOT_UPHELD,,,,,,,,,,,,,,,,,,,,,,",
            $"{p}-4,CHILDREN_SOCIAL_CARE,childrens-social-care,cin-north,officer-csc-01,2023-04-03,2023-04-04,,,,,2023-04-14,NOT_UPHELD," +
            "CHILD_OR_YOUNG_PERSON,,,,2023-04-20,2023-04-21,officer-csc-02,2023-04-24,,,,2023-05-26,PARTLY_UPHELD,,,,,,,,,"));

        Assert.Equal([(2, "discussion_offered"), (3, "discussion_offered"), (4, "eligibility"), (5, "independent_person")],
            report.Errors.Select(e => (e.Line, e.Column)).ToList());
        Assert.Contains("offer to discuss", report.Errors[1].Reason);
    }
}
