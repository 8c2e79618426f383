namespace ComplaintsPlatform.ImportTool;

/// <summary>Each kind of history and the client-streaming RPC that takes it (ImportChunk in, ImportReport out).</summary>
public static class ImportKinds
{
    public sealed record Target(string Service, string Method);

    public static readonly IReadOnlyDictionary<string, Target> All = new Dictionary<string, Target>(StringComparer.OrdinalIgnoreCase)
    {
        ["contacts"] = new("complaints.intake.v1.IntakeImport", "ImportContacts"),
        ["compliments"] = new("complaints.compliments.v1.ComplimentsImport", "ImportCompliments"),
        ["cases"] = new("complaints.caseworkflow.v1.CaseImport", "ImportCases"),
        ["case-actions"] = new("complaints.caseworkflow.v1.CaseImport", "ImportCaseActions"),
        ["ombudsman-enquiries"] = new("complaints.ombudsman.v1.OmbudsmanImport", "ImportEnquiries"),
        ["ombudsman-recommendations"] = new("complaints.ombudsman.v1.OmbudsmanImport", "ImportRecommendations"),
    };
}
