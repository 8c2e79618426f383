using System.Text.RegularExpressions;
using ComplaintsPlatform.Common.V1;
using Google.Protobuf.Reflection;
using Xunit;

namespace ComplaintsPlatform.Messaging.Tests;

/// <summary>
/// Feeds are read by Reporting, which must never hold personal data: every event carries ids,
/// codes, dates and amounts only. A string field is allowed only when its name says it is an id,
/// a reference or a code; council configuration (names of directorates, lists) is the one exception.
/// </summary>
public sealed partial class EventContractTests
{
    // Organisation and procedure configuration: the council's own data, not anyone's personal data.
    private static readonly HashSet<string> s_configurationMessages =
    [
        "complaints.caseworkflow.v1.CouncilSettings",
        "complaints.caseworkflow.v1.Directorate",
        "complaints.caseworkflow.v1.ServiceArea",
        "complaints.caseworkflow.v1.Team",
        "complaints.caseworkflow.v1.ConfigList",
        "complaints.caseworkflow.v1.ListItem",
        "complaints.caseworkflow.v1.ProcedurePolicy",
        "complaints.caseworkflow.v1.StagePolicy",
        // The conformance check's findings about that policy: written by the check, never about a person.
        "complaints.caseworkflow.v1.CodeDeviation",
    ];

    // System-written values, never typed by or about a person: a calendar change's cause, and the
    // facts of a letter request, which CaseWorkflow fills with codes and dates only (its words stay
    // in CaseWorkflow and Intake fetches them over an internal RPC).
    private static readonly HashSet<string> s_allowedFields =
    [
        "complaints.caseworkflow.v1.CalendarChanged.reason",
        "complaints.caseworkflow.v1.CorrespondenceRequested.FactsEntry.key",
        "complaints.caseworkflow.v1.CorrespondenceRequested.FactsEntry.value",
    ];

    [Fact]
    public void Every_event_on_every_feed_carries_ids_codes_dates_and_amounts_only()
    {
        var events = typeof(FeedEvent).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Reflection", StringComparison.Ordinal) && t.GetProperty("Descriptor")?.GetValue(null) is FileDescriptor)
            .Select(t => (FileDescriptor)t.GetProperty("Descriptor")!.GetValue(null)!)
            .Where(f => f.Name.EndsWith("/events.proto", StringComparison.Ordinal))
            .SelectMany(f => f.MessageTypes)
            .ToList();
        Assert.NotEmpty(events);

        var offending = new List<string>();
        var seen = new HashSet<string>();
        foreach (var message in events)
        {
            Inspect(message, offending, seen);
        }

        Assert.Empty(offending);
    }

    private static void Inspect(MessageDescriptor message, List<string> offending, HashSet<string> seen)
    {
        if (!seen.Add(message.FullName) || s_configurationMessages.Contains(message.FullName) || message.FullName.StartsWith("google.", StringComparison.Ordinal))
        {
            return;
        }
        foreach (var field in message.Fields.InDeclarationOrder())
        {
            var name = $"{message.FullName}.{field.Name}";
            if (field.FieldType == FieldType.String && !IdentifierLike().IsMatch(field.Name) && !s_allowedFields.Contains(name))
            {
                offending.Add(name);
            }
            if (field.FieldType == FieldType.Bytes)
            {
                offending.Add(name + " (bytes)");
            }
            if (field.FieldType == FieldType.Message)
            {
                Inspect(field.MessageType, offending, seen);
            }
        }
    }

    [GeneratedRegex("^(id|reference|.*_id|.*_ids|.*_reference|.*_code|.*_codes|.*_by|.*_version|currency)$")]
    private static partial Regex IdentifierLike();
}
