namespace ComplaintsPlatform.Reporting.Reports;

/// <summary>Who is asking, as far as reports care: everything, one directorate, or the public view.</summary>
public sealed record ReportAudience(bool Public, string? Directorate)
{
    public string CacheScope => Public ? "public" : Directorate is null ? "all" : "dir:" + Directorate;
}
