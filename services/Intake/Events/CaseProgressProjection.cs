using System.Text;
using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Intake.Data;
using Google.Protobuf;
using static ComplaintsPlatform.Intake.Data.CaseProgressCodes;
using EscalationRequestedEvent = ComplaintsPlatform.CaseWorkflow.V1.EscalationRequested;

namespace ComplaintsPlatform.Intake.Events;

/// <summary>
/// Keeps each complaint's <see cref="CaseProgress"/> from CaseWorkflow's case events, so GetStatus can
/// answer the person without asking CaseWorkflow. A feed delivers a case's events in order, once.
/// </summary>
internal static class CaseProgressProjection
{
    public static async Task ApplyAsync(IntakeDbContext db, IMessage message, DateTime now, CancellationToken ct)
    {
        var header = message switch
        {
            CaseOpened e => e.Header,
            CaseAcknowledged e => e.Header,
            CaseAllocated e => e.Header,
            DeadlineExtended e => e.Header,
            DeadlineRecomputed e => e.Header,
            ResponseSent e => e.Header,
            CaseEnded e => e.Header,
            EscalationRequestedEvent e => e.Header,
            EscalationAccepted e => e.Header,
            EscalationRefused e => e.Header,
            CaseClosed e => e.Header,
            _ => null,
        };
        // A case the complaints team opened itself has no Intake contact: nobody here to show it to.
        if (header is null || !Guid.TryParse(header.ContactId, out var contactId))
        {
            return;
        }
        var progress = await db.CaseProgress.FindAsync([contactId], ct);
        if (progress is null)
        {
            if (message is not CaseOpened)
            {
                return;
            }
            progress = new CaseProgress { ContactId = contactId, CaseId = header.CaseId };
            db.CaseProgress.Add(progress);
        }
        var on = Date(header.OccurredOn);
        progress.Stage = header.Stage;
        progress.UpdatedAt = now;
        switch (message)
        {
            case CaseOpened e:
                progress.OpenedOn = on;
                Next(progress, Open, AwaitAcknowledgement, Date(e.AcknowledgeDue));
                break;
            case CaseAcknowledged e:
                progress.AcknowledgedOn = on;
                Next(progress, Acknowledged, AwaitResponse, Date(e.RespondDue));
                break;
            case CaseAllocated e:
                // Not shown to the person: where a reminder goes when its officer has no address.
                progress.TeamId = e.TeamId.Length > 0 ? e.TeamId : progress.TeamId;
                break;
            case DeadlineExtended e when progress.NextStep == AwaitResponse:
                progress.NextDue = Date(e.NewDue);
                break;
            case DeadlineRecomputed e when ClockOf(progress.NextStep) == e.Kind:
                progress.NextDue = Date(e.NewDue);
                break;
            case ResponseSent e:
                progress.RespondedOn = on;
                progress.Outcome = Code(e.Overall);
                progress.NextBody = e.FinalStage ? Code(e.NextBody, keepPrefix: true) : null;
                break;
            case EscalationRequestedEvent:
                Next(progress, CaseProgressCodes.EscalationRequested, AwaitEscalationDecision, null);
                break;
            case EscalationAccepted e:
                progress.Stage = e.ToStage;
                progress.AcknowledgedOn = progress.RespondedOn = progress.ClosedOn = null;
                progress.Ending = progress.Outcome = progress.NextBody = null;
                Next(progress, Open, AwaitAcknowledgement, Date(e.AcknowledgeDue));
                break;
            case EscalationRefused e:
                progress.NextBody = Code(e.NextBody, keepPrefix: true);
                break;
            case CaseEnded e:
                progress.Ending = Code(e.Ending);
                break;
            case CaseClosed e:
                progress.ClosedOn = on;
                progress.Ending = Code(e.Ending);
                progress.Outcome = e.Overall == Finding.Unspecified ? progress.Outcome : Code(e.Overall);
                var next = e.Ending switch
                {
                    CaseEnding.ResponseSent when progress.NextBody is null => MayEscalate,
                    CaseEnding.ResponseSent or CaseEnding.EscalationRefused => MayAskOmbudsman,
                    _ => None,
                };
                Next(progress, Closed, next, null);
                break;
        }
    }

    private static void Next(CaseProgress p, string status, string step, DateOnly? due)
    {
        p.Status = status;
        p.NextStep = step;
        p.NextDue = due;
    }

    private static ClockKind ClockOf(string step) => step switch
    {
        AwaitAcknowledgement => ClockKind.Acknowledge,
        AwaitResponse => ClockKind.Respond,
        MayEscalate => ClockKind.EscalationWindow,
        _ => ClockKind.Unspecified,
    };

    private static DateOnly? Date(Google.Type.Date? d) => d.ToDateOnlyOrNull();

    // The proto's own value name: CASE_ENDING_RESPONSE_SENT → RESPONSE_SENT (or kept whole for NEXT_BODY_…).
    internal static string Code<T>(T value, bool keepPrefix = false) where T : struct, Enum
    {
        var name = UpperSnake(value.ToString());
        return keepPrefix ? UpperSnake(typeof(T).Name) + "_" + name : name;
    }

    // The generated C# name back to the proto's: ResponseSent → RESPONSE_SENT, Stage1Due → STAGE1_DUE.
    private static string UpperSnake(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                sb.Append('_');
            }
            sb.Append(char.ToUpperInvariant(c));
        }
        return sb.ToString();
    }
}
