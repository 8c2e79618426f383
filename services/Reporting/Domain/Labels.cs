using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Intake.V1;

namespace ComplaintsPlatform.Reporting.Domain;

/// <summary>The words a published table uses for the platform's codes: "Adult social care", never ADULT_SOCIAL_CARE.</summary>
public static class Labels
{
    private static readonly Dictionary<string, string> Special = new(StringComparer.Ordinal)
    {
        ["Mp"] = "MP",
        ["Lgsco"] = "Local Government and Social Care Ombudsman",
        ["ChildrenSocialCare"] = "Children's social care",
        ["MemberEnquiry"] = "Councillor or MP enquiry",
        ["StaffForm"] = "Staff form",
        ["NotForUs"] = "Not for us (wrong Ombudsman)",
    };

    public static string Stream(ComplaintStream stream) => stream == ComplaintStream.Unspecified ? "(no stream)" : Words(stream.ToString());

    public static string Stream(short stream) => Stream((ComplaintStream)stream);

    public static string Channel(Intake.V1.Channel channel) => channel == Intake.V1.Channel.Unspecified ? "(not recorded)" : Words(channel.ToString());

    public static string Kind(ContactKind kind) => Words(kind.ToString());

    public static string Decision(TriageDecision decision) => Words(decision.ToString());

    /// <summary>Words for the middle of a sentence: "Online form" → "online form", but "MP" stays.</summary>
    public static string Inline(string words) =>
        words.Length > 1 && char.IsUpper(words[1]) ? words : char.ToLowerInvariant(words[0]) + words[1..];

    /// <summary>"AssessedAndClosed" → "Assessed and closed"; a few codes have words of their own.</summary>
    public static string Words(string pascal) =>
        Special.TryGetValue(pascal, out var special) ? special
        : string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
}
