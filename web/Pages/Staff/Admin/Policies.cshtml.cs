using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Web.Staff;

namespace ComplaintsPlatform.Web.Pages.Staff.Admin;

/// <summary>Each stream's procedure policy in force, with the Code conformance check of the corporate and housing ones.</summary>
public sealed class PoliciesModel(StaffTokens tokens, StaffDirectory directory, Procedures.ProceduresClient procedures)
    : AdminPage(tokens, directory, "complaints_team")
{
    protected override bool UsesDirectory => false;

    public List<ProcedurePolicy> Policies { get; } = [];

    public Dictionary<ComplaintStream, StreamConformance> Conformance { get; } = [];

    public async Task OnGetAsync()
    {
        Policies.AddRange((await procedures.ListPoliciesAsync(new ListPoliciesRequest(), Call)).Policies.OrderBy(p => p.Stream));
        foreach (var stream in (await procedures.CheckCodeConformanceAsync(new CheckCodeConformanceRequest(), Call)).Streams)
        {
            Conformance[stream.Stream] = stream;
        }
    }

    public static string Slug(ComplaintStream stream) => stream.ToString().ToLowerInvariant();

    public static string Name(ComplaintStream stream) => stream switch
    {
        ComplaintStream.Corporate => "Corporate",
        ComplaintStream.AdultSocialCare => "Adult social care",
        ComplaintStream.ChildrenSocialCare => "Children's social care",
        ComplaintStream.Housing => "Housing",
        _ => stream.ToString(),
    };

    public static string Period(Period? period) => period is null || period.Value == 0 ? "None" : $"{period.Value} {period.Unit switch
    {
        PeriodUnit.WorkingDays => "working days",
        PeriodUnit.CalendarDays => "days",
        PeriodUnit.Weeks => "weeks",
        PeriodUnit.Months => "months",
        _ => "",
    }}";

    public static string Clock(ClockKind kind) => kind switch
    {
        ClockKind.Acknowledge => "Acknowledge",
        ClockKind.Respond => "Respond",
        ClockKind.PanelMeeting => "Panel meets",
        ClockKind.PanelReport => "Panel reports",
        ClockKind.EscalationWindow => "Ask for the next stage within",
        ClockKind.Backstop => "Backstop",
        _ => kind.ToString(),
    };
}
