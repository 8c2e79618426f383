namespace ComplaintsPlatform.CaseWorkflow.Domain.Cases;

public sealed partial class Case
{
    /// <summary>The day the case last closed (null while open); the closed-case retention period counts from it.</summary>
    public DateOnly? ClosedOn { get; private set; }

    /// <summary>When retention (or an approved erasure) removed the case's words.</summary>
    public DateTimeOffset? AnonymisedAt { get; private set; }

    /// <summary>
    /// Removes every word the person or officers wrote about the case: the history's summaries, what the
    /// complaint is about, issues, reasons, responses, remedies' and learning's descriptions. Ids, codes,
    /// dates, amounts, findings and deadlines stay, as they are in the events Reporting counts.
    /// </summary>
    public void Anonymise(DateTimeOffset at)
    {
        foreach (var fact in Facts)
        {
            fact.Summary = "";
        }
        foreach (var stage in Stages)
        {
            if (stage.Acknowledgement is { } acknowledgement)
            {
                acknowledgement.About = "";
                acknowledgement.OutcomeSought = "";
            }
            stage.Extensions.ForEach(e => e.Reason = "");
            stage.Delays.ForEach(d => d.Reason = "");
            if (stage.Response is { } response)
            {
                response.Text = "";
                response.ReviewComments = "";
            }
        }
        Escalations.ForEach(e => e.Reasons = "");
        Issues.ForEach(i => i.Summary = "");
        Remedies.ForEach(r => r.Description = "");
        if (Learning is { } learning)
        {
            learning.RootCause = "";
            learning.Lessons = "";
            learning.ReviewComments = "";
            learning.Actions = learning.Actions.ConvertAll(a => a with { Description = "" });
        }
        Statutory.DelayReasons = "";
        Statutory.AgreedRecord = "";
        _letters.Clear();
        AnonymisedAt = at;
    }
}
