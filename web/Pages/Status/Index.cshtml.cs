using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Web.Components;
using ComplaintsPlatform.Web.Infrastructure;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintsPlatform.Web.Pages.Status;

/// <summary>
/// Where the person's contact is, in Intake's words and dates. An unknown reference and a wrong token
/// (Intake answers NOT_FOUND to both) look exactly the same.
/// </summary>
[ResponseCache(NoStore = true, Duration = 0)]
public sealed class IndexModel(StatusSession session, Intake.V1.Intake.IntakeClient intake) : PageModel
{
    public ContactStatus? Status { get; private set; }

    public bool Unknown { get; private set; }

    /// <summary>The form's fields (it posts to /status/open), empty when shown.</summary>
    public string? Reference { get; set; }

    public string? Token { get; set; }

    public IReadOnlyList<SummaryRow> Rows { get; private set; } = [];

    public string Noun => Status?.HandledAs switch
    {
        TriageDecision.Compliment => "compliment",
        TriageDecision.Complaint or TriageDecision.Unspecified or null => "complaint",
        _ => "message",
    };

    public bool MayAskNextStage => Status?.CaseProgress?.NextStep == "MAY_ESCALATE";

    public bool MayWithdraw => Status?.CaseProgress is { Status: not "CLOSED" };

    public string StageText => Status!.CaseProgress is { } p
        ? p.Status switch
        {
            "OPEN" => $"Stage {p.Stage}: received",
            "ACKNOWLEDGED" => $"Stage {p.Stage}: being investigated",
            "ESCALATION_REQUESTED" => "Next stage requested",
            "CLOSED" => "Closed",
            _ => p.Status,
        }
        : Status.Stage == ContactStage.Received ? "Received" : "Being dealt with";

    public string StageColour => Status?.CaseProgress?.Status == "CLOSED" ? "grey" : "blue";

    public async Task OnGetAsync(bool missing = false)
    {
        Unknown = missing;
        if (session.Read(HttpContext) is not { } held)
        {
            return;
        }
        try
        {
            Status = await intake.GetStatusAsync(new GetStatusRequest { Reference = held.Reference, StatusToken = held.Token }, cancellationToken: HttpContext.RequestAborted);
            Rows = Describe(Status);
        }
        catch (RpcException ex) when (ex.StatusCode is Grpc.Core.StatusCode.NotFound or Grpc.Core.StatusCode.InvalidArgument)
        {
            StatusSession.End(HttpContext);
            Unknown = true;
        }
    }

    public string Date(Google.Type.Date? d) =>
        d is null || d.Year == 0 ? "" : new DateOnly(d.Year, d.Month, d.Day).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    private IReadOnlyList<SummaryRow> Describe(ContactStatus s)
    {
        // Intake gives the day it was received in the council's own time zone.
        var rows = new List<SummaryRow> { new("Received", Date(s.ReceivedOn)) };
        if (s.Stage == ContactStage.Triaged && s.HandledAs != TriageDecision.Unspecified)
        {
            rows.Add(new("Being handled as", HandledAs(s.HandledAs)));
        }
        if (s.CaseProgress is { } p)
        {
            rows.Add(new("Stage", p.Stage.ToString()));
            if (p.AcknowledgedOn is not null)
            {
                rows.Add(new("Acknowledged", Date(p.AcknowledgedOn)));
            }
            if (p.RespondedOn is not null)
            {
                rows.Add(new("Our response", Date(p.RespondedOn)));
            }
            rows.Add(new("Next step", NextStep(p)));
            if (p.ClosedOn is not null)
            {
                rows.Add(new("Closed", Date(p.ClosedOn)));
            }
        }
        else
        {
            rows.Add(new("Next step", "Our complaints team will read what you sent and decide how it is best handled."));
        }
        rows.Add(new("Last updated", Date(s.LastUpdateOn)));
        return rows;
    }

    private string NextStep(CaseProgress p) => p.NextStep switch
    {
        "AWAIT_ACKNOWLEDGEMENT" => $"We will acknowledge your complaint by {Date(p.NextDue)}",
        "AWAIT_RESPONSE" => $"We will respond by {Date(p.NextDue)}",
        "AWAIT_ESCALATION_DECISION" => $"We will decide on your request for the next stage by {Date(p.NextDue)}",
        "MAY_ESCALATE" => $"If you are not satisfied, you can ask for the next stage until {Date(p.NextDue)}",
        "MAY_ASK_OMBUDSMAN" => p.NextBody == "NEXT_BODY_HOUSING_OMBUDSMAN"
            ? "If you are not satisfied, you can ask the Housing Ombudsman to look at your complaint"
            : "If you are not satisfied, you can ask the Local Government and Social Care Ombudsman to look at your complaint",
        _ => "Nothing more is needed from you",
    };

    private static string HandledAs(TriageDecision d) => d switch
    {
        TriageDecision.Complaint => "A complaint",
        TriageDecision.ServiceRequest => "A request for a service",
        TriageDecision.Enquiry => "An enquiry",
        TriageDecision.Compliment => "A compliment",
        TriageDecision.ResolvedByComplaintsTeam => "Resolved by the complaints team",
        TriageDecision.ReferOnlineReporting => "Passed to online reporting",
        TriageDecision.Signpost => "Passed to another organisation",
        TriageDecision.Excluded => "Outside our complaints procedure",
        TriageDecision.OutOfTime => "Out of time",
        _ => d.ToString(),
    };
}
