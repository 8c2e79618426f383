using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.OmbudsmanLiaison.Data;
using static ComplaintsPlatform.OmbudsmanLiaison.Domain.FactDates;
using V1Ombudsman = ComplaintsPlatform.Ombudsman.V1.Ombudsman;

namespace ComplaintsPlatform.OmbudsmanLiaison.Domain;

/// <summary>
/// The Ombudsman's final decision as recorded: <see cref="Injustice"/> is said only of an UPHELD one, and
/// <see cref="ReportIssuedOn"/> is set when a public interest report follows it. The Housing Ombudsman
/// determines instead, element by element (<see cref="HousingFindings"/>; <see cref="Decision"/> is then UNSPECIFIED).
/// </summary>
public sealed record FinalDecision(OmbudsmanDecision Decision, DateOnly DecidedOn, ClosureReason ClosureReason, bool? Injustice,
    bool SatisfactoryRemedy, DateOnly? ReportIssuedOn = null, IReadOnlyList<HousingFinding>? HousingFindings = null)
{
    public IReadOnlyList<HousingFinding> Findings => HousingFindings ?? [];

    /// <summary>A Housing Ombudsman determination: its findings, nothing of the LGSCO's.</summary>
    public static FinalDecision Housing(DateOnly decidedOn, IReadOnlyList<HousingFinding> findings) =>
        new(OmbudsmanDecision.Unspecified, decidedOn, ClosureReason.Unspecified, null, false, null, findings);
}

public sealed partial class Enquiry
{
    /// <summary>
    /// The final decision, once. A premature decision on a council case sends it back to CaseWorkflow
    /// to continue under the council's own procedure.
    /// </summary>
    public void RecordDecision(FinalDecision decision, string note, DocumentColumns document, Actor actor)
    {
        Decide(decision, imported: false);
        Record.DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        AddCorrespondence(Direction.In, decision.DecidedOn, decision.Findings.Count > 0
            ? "Determination: " + string.Join(", ", decision.Findings.Select(f => DomainNames<HousingDetermination>.Name(f.Determination)))
            : "Final decision: " + DomainNames<OmbudsmanDecision>.Name(decision.Decision), document, actor);
        if (decision.ReportIssuedOn is { } issued)
        {
            IssueReport(issued, noticeGivenOn: null, responseSentOn: null, imported: false);
        }
        if (decision.Decision == OmbudsmanDecision.Premature && Record.CaseId is not null)
        {
            Raise(new ReferredBackForLocalResolution
            {
                EnquiryId = Record.Id.ToString(),
                CaseId = Record.CaseId,
                CaseReference = Record.CaseReference ?? "",
                DecidedOn = ToProto(decision.DecidedOn),
                Ombudsman = Record.Ombudsman,
                OmbudsmanReference = Record.OmbudsmanReference,
            });
        }
    }

    /// <summary>
    /// A decision from the council's history, with what it already did about a public interest report;
    /// a duty the history says nothing about is still owed. A referral back is history: it is not replayed.
    /// </summary>
    public void RecordHistoricDecision(FinalDecision decision, DateOnly? publicNoticeGivenOn, DateOnly? reportResponseSentOn)
    {
        Decide(decision, imported: true);
        if (decision.ReportIssuedOn is { } issued)
        {
            IssueReport(issued, publicNoticeGivenOn, reportResponseSentOn, imported: true);
        }
    }

    /// <summary>The council's public notice of the report, or its response to it; the report stays available for three weeks from the notice.</summary>
    public void RecordPublicInterestStep(DeadlineKind step, DateOnly doneOn)
    {
        if (Record.ReportIssuedOn is null)
        {
            throw new RuleViolationException("No public interest report was issued on this enquiry.");
        }
        switch (step)
        {
            case DeadlineKind.PublicNotice:
                GiveNotice(doneOn);
                break;
            case DeadlineKind.PublicInterestResponse:
                Record.ReportResponseSentOn = doneOn;
                break;
            default:
                throw new RuleViolationException("A public interest report's steps are its public notice and the council's response.");
        }
    }

    private void Decide(FinalDecision decision, bool imported)
    {
        if (Record.Decision is { } recorded)
        {
            throw new RuleViolationException($"The Ombudsman's decision is already recorded ({DomainNames<OmbudsmanDecision>.Name(recorded)}).");
        }
        if (Record.IsDecided)
        {
            throw new RuleViolationException($"The Housing Ombudsman's determination is already recorded ({Record.DecidedOn:yyyy-MM-dd}).");
        }
        RequireDecisionOfThisOmbudsman(decision);
        Record.Decision = decision.Decision == OmbudsmanDecision.Unspecified ? null : decision.Decision;
        Record.DecidedOn = decision.DecidedOn;
        for (var i = 0; i < decision.Findings.Count; i++)
        {
            var finding = new HousingFindingRecord
            {
                Id = Guid.CreateVersion7(),
                EnquiryId = Record.Id,
                Position = i + 1,
                Element = decision.Findings[i].Element.Trim(),
                Determination = decision.Findings[i].Determination,
            };
            Record.HousingFindings.Add(finding);
            _added.Add(finding);
        }
        Record.ClosureReason = decision.Decision == OmbudsmanDecision.AssessedAndClosed ? decision.ClosureReason : null;
        Record.Injustice = decision.Injustice;
        Record.SatisfactoryRemedy = decision.SatisfactoryRemedy;
        Raise(new OmbudsmanDecisionRecorded
        {
            EnquiryId = Record.Id.ToString(),
            Ombudsman = Record.Ombudsman,
            CaseId = Record.CaseId ?? "",
            DirectorateId = Record.DirectorateId,
            Decision = decision.Decision,
            ClosureReason = decision.ClosureReason,
            Injustice = decision.Injustice ?? false,
            SatisfactoryRemedy = decision.SatisfactoryRemedy,
            PublicInterestReport = decision.ReportIssuedOn is not null,
            DecidedOn = ToProto(decision.DecidedOn),
            ReceivedOn = ToProto(Record.ReceivedOn),
            Imported = imported,
            HousingDeterminations = { decision.Findings.Select(f => f.Determination) },
        });
    }

    /// <summary>
    /// The LGSCO decides with its decision types; the Housing Ombudsman determines each element of a
    /// complaint (Housing Ombudsman Scheme, paragraph 52) and has no public interest reports or
    /// "satisfactory remedy" (its finding of reasonable redress says that). Each refuses the other's.
    /// </summary>
    private void RequireDecisionOfThisOmbudsman(FinalDecision decision)
    {
        if (Record.Ombudsman == V1Ombudsman.Housing)
        {
            if (decision.Decision != OmbudsmanDecision.Unspecified)
            {
                throw new RuleViolationException($"A Housing Ombudsman enquiry takes the Housing Ombudsman's determination (severe maladministration, maladministration, service failure, no maladministration, reasonable redress or outside jurisdiction), not the LGSCO's {DomainNames<OmbudsmanDecision>.Name(decision.Decision)}.");
            }
            if (decision.Findings.Count == 0 || decision.Findings.Any(f => f.Determination == HousingDetermination.Unspecified))
            {
                throw new RuleViolationException("A Housing Ombudsman determination needs a finding (a determination) for each element of the complaint.");
            }
            if (decision.SatisfactoryRemedy || decision.ReportIssuedOn is not null)
            {
                throw new RuleViolationException("Satisfactory remedies and public interest reports are the LGSCO's; record the Housing Ombudsman's REASONABLE_REDRESS as a finding.");
            }
            return;
        }
        if (decision.Findings.Count > 0)
        {
            throw new RuleViolationException("Housing Ombudsman determinations are recorded on Housing Ombudsman enquiries only; give the LGSCO's decision.");
        }
        if (decision.Decision == OmbudsmanDecision.Unspecified)
        {
            throw new RuleViolationException("An LGSCO enquiry needs the LGSCO's decision.");
        }
    }

    private void IssueReport(DateOnly issuedOn, DateOnly? noticeGivenOn, DateOnly? responseSentOn, bool imported)
    {
        var deadlines = PublicInterestReportDeadlines.From(issuedOn);
        Record.ReportIssuedOn = issuedOn;
        Record.PublicNoticeDueOn = deadlines.PublicNoticeDueOn;
        Record.ReportAvailableUntil = deadlines.AvailableUntil;
        Record.ReportResponseDueOn = deadlines.ResponseDueOn;
        if (noticeGivenOn is { } given)
        {
            GiveNotice(given);
        }
        Record.ReportResponseSentOn = responseSentOn;
        Raise(new PublicInterestReportIssued
        {
            EnquiryId = Record.Id.ToString(),
            DirectorateId = Record.DirectorateId,
            IssuedOn = ToProto(issuedOn),
            PublicNoticeDueOn = ToProto(deadlines.PublicNoticeDueOn),
            AvailableUntil = ToProto(Record.ReportAvailableUntil),
            ResponseDueOn = ToProto(deadlines.ResponseDueOn),
            Imported = imported,
        });
    }

    private void GiveNotice(DateOnly givenOn)
    {
        Record.PublicNoticeGivenOn = givenOn;
        Record.ReportAvailableUntil = PublicInterestReportDeadlines.AvailableUntilAfterNotice(givenOn);
    }
}
