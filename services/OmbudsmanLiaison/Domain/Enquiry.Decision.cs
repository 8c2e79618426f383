using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.OmbudsmanLiaison.Data;
using static ComplaintsPlatform.OmbudsmanLiaison.Domain.FactDates;

namespace ComplaintsPlatform.OmbudsmanLiaison.Domain;

/// <summary>
/// The Ombudsman's final decision as recorded: <see cref="Injustice"/> is said only of an UPHELD one, and
/// <see cref="ReportIssuedOn"/> is set when a public interest report follows it.
/// </summary>
public sealed record FinalDecision(OmbudsmanDecision Decision, DateOnly DecidedOn, ClosureReason ClosureReason, bool? Injustice,
    bool SatisfactoryRemedy, DateOnly? ReportIssuedOn = null);

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
        AddCorrespondence(Direction.In, decision.DecidedOn, "Final decision: " + DomainNames<OmbudsmanDecision>.Name(decision.Decision), document, actor);
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
        Record.Decision = decision.Decision;
        Record.DecidedOn = decision.DecidedOn;
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
        });
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
