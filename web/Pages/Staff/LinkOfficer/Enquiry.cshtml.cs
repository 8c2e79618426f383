using OmbudsmanBody = ComplaintsPlatform.Ombudsman.V1.Ombudsman;
using OmbudsmanLiaisonClient = ComplaintsPlatform.Ombudsman.V1.OmbudsmanLiaison.OmbudsmanLiaisonClient;
using V1Direction = ComplaintsPlatform.Ombudsman.V1.Direction;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.Web.Components;
using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintsPlatform.Web.Pages.Staff.LinkOfficer;

/// <summary>One Ombudsman enquiry: its facts, requests, letters, draft and final decision, remedies, and the steps left to record.</summary>
public sealed class EnquiryModel(StaffTokens tokens, StaffDirectory directory, OmbudsmanLiaisonClient ombudsman, TimeProvider clock)
    : StaffPage(tokens, directory)
{
    public Enquiry Enquiry { get; private set; } = new();

    public DateOnly Today { get; private set; }

    public string? Done { get; private set; }

    public bool CanRecord => OmbudsmanText.Records(User);

    public bool IsHousing => Enquiry.Ombudsman == OmbudsmanBody.Housing;

    public async Task<IActionResult> OnGetAsync(Guid enquiryId, string? done)
    {
        if (!OmbudsmanText.Sees(User))
        {
            return Refuse("You cannot open this", "The Ombudsman pages are for the link officers, the complaints team and service leads.");
        }
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Done = done is null ? null : EnquirySteps.Find(done)?.Done;
        Enquiry = await ombudsman.GetEnquiryAsync(new GetEnquiryRequest { EnquiryId = enquiryId.ToString() }, Call);
        return Page();
    }

    public IReadOnlyList<SummaryRow> Facts()
    {
        var rows = new List<SummaryRow>
        {
            new("Ombudsman", OmbudsmanText.Body(Enquiry.Ombudsman)),
            new("Received", CaseText.Date(Enquiry.ReceivedOn)),
            new("Department", Directory.Configuration.Directorates.FirstOrDefault(d => d.Id == Enquiry.DirectorateId)?.Name ?? Enquiry.DirectorateId),
            new("Council case", Enquiry.CaseId.Length > 0 ? Enquiry.CaseReference
                : Enquiry.CaseReference.Length > 0 ? $"{Enquiry.CaseReference} (predates the platform)" : "Not linked",
                CanRecord && Enquiry.CaseId.Length == 0 ? Links.Staff.Ombudsman.Step(Enquiry.Id, "link-case") : null, "the council case"),
            new("Pre-allocation enquiry", Enquiry.PreAllocation ? "Yes" : "No"),
            new("Summary", Enquiry.Summary),
        };
        if (Enquiry.NextDeadline is { } next)
        {
            rows.Add(new("Next deadline", $"{OmbudsmanText.Deadline(next.Kind)}: {CaseText.Date(next.DueOn)} ({OmbudsmanText.DaysLeft(next.DueOn, Today)})"));
        }
        return rows;
    }

    public IReadOnlyList<SummaryRow> DraftRows(DraftDecision d) =>
    [
        new("Received", CaseText.Date(d.ReceivedOn)),
        new("Comments due", CaseText.Date(d.CommentsDueOn)),
        new("Comments sent", d.CommentsSentOn is { Year: > 0 } ? CaseText.Date(d.CommentsSentOn) + (d.Late ? " (late)" : "") : null),
    ];

    public IReadOnlyList<SummaryRow> DecisionRows()
    {
        var d = Enquiry.Decision;
        var rows = new List<SummaryRow> { new("Decided", CaseText.Date(d.DecidedOn)) };
        if (d.HousingFindings.Count > 0)
        {
            rows.Add(new("Determinations", d.HousingFindings.Select(f => (f.Element.Length > 0 ? f.Element + ": " : "") + OmbudsmanText.Determination(f.Determination)).ToList()));
        }
        else
        {
            rows.Add(new("Decision", OmbudsmanText.Decision(d.Decision_)));
        }
        if (d.ClosureReason != ClosureReason.Unspecified)
        {
            rows.Add(new("Reason closed", OmbudsmanText.Closure(d.ClosureReason)));
        }
        if (d.HasInjustice)
        {
            rows.Add(new("Fault caused injustice", d.Injustice ? "Yes" : "No"));
        }
        rows.Add(new("Council had already provided a satisfactory remedy", d.SatisfactoryRemedy ? "Yes" : "No"));
        if (d.PublicInterestReport is { } report)
        {
            rows.Add(new("Public interest report", [
                $"Issued {CaseText.Date(report.IssuedOn)}",
                $"Public notice due {CaseText.Date(report.PublicNoticeDueOn)}" + (report.PublicNoticeGivenOn is { Year: > 0 } ? $", given {CaseText.Date(report.PublicNoticeGivenOn)}" : ""),
                $"Available until {CaseText.Date(report.AvailableUntil)}",
                $"Response due {CaseText.Date(report.ResponseDueOn)}" + (report.ResponseSentOn is { Year: > 0 } ? $", sent {CaseText.Date(report.ResponseSentOn)}" : ""),
            ]));
        }
        if (d.Note.Length > 0)
        {
            rows.Add(new("Note", d.Note));
        }
        return rows;
    }
}
