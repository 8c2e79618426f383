using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Common.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ComplaintsPlatform.Web.Staff;

/// <summary>How the data protection pages word the retention schedule, holds, requests and runs.</summary>
public static class DataProtectionText
{
    public static readonly RetentionKind[] Kinds = System.Enum.GetValues<RetentionKind>().Where(k => k != RetentionKind.Unspecified).ToArray();

    public static string Kind(RetentionKind kind) => kind switch
    {
        RetentionKind.ContactNotTakenForward => "Contact not taken forward",
        RetentionKind.ClosedCase => "Closed case",
        RetentionKind.OmbudsmanEnquiry => "Ombudsman enquiry",
        RetentionKind.Compliment => "Compliment",
        RetentionKind.RegisterEntry => "Register entry",
        RetentionKind.Correspondence => "Correspondence",
        RetentionKind.Attachment => "Attachment",
        RetentionKind.AccessLog => "Access log",
        _ => kind.ToString(),
    };

    public static string After(RetentionTrigger trigger) => trigger switch
    {
        RetentionTrigger.Triaged => "the triage decision",
        RetentionTrigger.Closed => "closure",
        RetentionTrigger.Decided => "the Ombudsman's final decision",
        RetentionTrigger.Received => "receipt",
        RetentionTrigger.Ended => "the entry's end",
        RetentionTrigger.Recorded => "when it was written",
        _ => trigger.ToString(),
    };

    public static string Action(RetentionAction action) => action switch
    {
        RetentionAction.Erase => "Erase",
        RetentionAction.Anonymise => "Anonymise",
        _ => action.ToString(),
    };

    public static string RunTrigger(RetentionRunTrigger trigger) => trigger switch
    {
        RetentionRunTrigger.Daily => "Daily",
        RetentionRunTrigger.OnDemand => "On demand",
        RetentionRunTrigger.ErasureRequest => "Erasure request",
        _ => trigger.ToString(),
    };

    public static string RequestKind(DataRequestKind kind) => kind switch
    {
        DataRequestKind.Erasure => "Erasure",
        DataRequestKind.Rectification => "Rectification",
        _ => kind.ToString(),
    };

    public static string Decision(DataRequestDecision decision) => decision switch
    {
        DataRequestDecision.Approved => "Approved",
        DataRequestDecision.Refused => "Refused",
        _ => "Not decided",
    };

    public static string Day(Google.Type.Date? day) =>
        day is null || day.Year == 0 ? "" : new DateOnly(day.Year, day.Month, day.Day).ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public static bool Sees(System.Security.Claims.ClaimsPrincipal user) => user.IsInRole("data_protection_officer") || user.IsInRole("complaints_team");

    /// <summary>
    /// A refusal the officer can act on, shown in the error summary; anything else is thrown on. The
    /// service's field violations go beside the inputs they name (<paramref name="inputs"/>).
    /// </summary>
    /// <summary>The first error recorded against an input of a per-row form, to show beside it as well as in the summary.</summary>
    public static string? ErrorFor(ModelStateDictionary modelState, string key) =>
        modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public static bool Refused(RpcException e, ModelStateDictionary modelState, string field = "", params FieldInput[] inputs)
    {
        if (ServiceErrors.AddTo(modelState, ServiceErrors.Violations(e), inputs))
        {
            return true;
        }
        if (e.StatusCode is StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.NotFound or StatusCode.AlreadyExists
            or StatusCode.Aborted or StatusCode.PermissionDenied)
        {
            modelState.AddModelError(field, e.StatusCode == StatusCode.PermissionDenied ? "You cannot do this with your role." : e.Status.Detail);
            return true;
        }
        return false;
    }
}

/// <summary>How the subject access and access-log pages word requests and audit rows.</summary>
public static class SubjectAccessText
{
    public static string Status(Intake.V1.SubjectAccessRequest r) => (r.Status, r.Overdue) switch
    {
        (Intake.V1.SubjectAccessStatus.Sent, true) => "Sent late",
        (Intake.V1.SubjectAccessStatus.Sent, false) => "Sent",
        (_, true) => "Overdue",
        (Intake.V1.SubjectAccessStatus.Built, _) => "Package built",
        _ => "Open",
    };

    public static string StatusClass(Intake.V1.SubjectAccessRequest r) => r.Overdue ? "govuk-tag--red"
        : r.Status switch
        {
            Intake.V1.SubjectAccessStatus.Sent => "govuk-tag--green",
            Intake.V1.SubjectAccessStatus.Built => "govuk-tag--blue",
            _ => "govuk-tag--grey",
        };

    public static string Kind(string kind) => kind switch
    {
        "contact" => "Contact",
        "attachment" => "Attachment",
        "case" => "Case",
        "ombudsman_enquiry" => "Ombudsman enquiry",
        "compliment" => "Compliment",
        "adjustment" => "Reasonable adjustment",
        "restriction" => "Contact restriction",
        "correspondence" => "Letter or email",
        "subject_access_package" => "Subject access package",
        "person_search" => "Search for a person",
        _ => kind.Length == 0 ? "" : char.ToUpperInvariant(kind[0]) + kind[1..].Replace('_', ' '),
    };
}
