using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Reporting.Data;
using ComplaintsPlatform.Reporting.V1;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Reporting.Reports;

/// <summary>
/// Builds each document from the report tables (for the caller's audience, so suppressed for
/// scrutiny) and the self-assessment: every section is tables plus sentences made of their figures.
/// </summary>
public sealed partial class DocumentBuilder(ReportingDbContext db, DocumentTables tables, SelfAssessmentRegister register, TimeProvider clock)
{
    public async Task<Document> BuildAsync(DocumentRequest request, ReportAudience audience, CancellationToken ct)
    {
        var period = request.Period ?? new Period();
        var document = new Document
        {
            Kind = request.Kind,
            Council = await db.Council.AsNoTracking().Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "",
            SuppressionApplied = audience.Public,
            AsOf = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(clock.GetUtcNow()),
        };
        var context = new Sections(tables, audience, period, ct);
        switch (request.Kind)
        {
            case DocumentKind.AnnualReport:
                RequireYear(period);
                document.Title = "Annual complaints performance and service improvement report";
                document.Sections.AddRange(await AnnualReportAsync(context, period.Year));
                break;
            case DocumentKind.AdultSocialCare:
                RequireYear(period);
                document.Title = "Adult social care complaints: annual report";
                document.Sections.AddRange(await AdultSocialCareAsync(context));
                break;
            case DocumentKind.ChildrenSocialCare:
                RequireYear(period);
                document.Title = "Children's social care complaints and representations: annual report";
                document.Sections.AddRange(await ChildrenSocialCareAsync(context));
                break;
            case DocumentKind.MemberSummary:
                document.Title = "Complaints summary for the Member Responsible for Complaints";
                document.Sections.AddRange(await MemberSummaryAsync(context));
                break;
            case DocumentKind.DepartmentalQuarterly:
                if (period.Kind != PeriodKind.Quarter)
                {
                    throw new ValidationException([new("period.kind", "The departmental report covers a quarter.")]);
                }
                document.Title = "Quarterly departmental complaints report";
                document.Sections.AddRange(await DepartmentalAsync(context));
                break;
            default:
                throw new ValidationException([new("kind", "Choose a document.")]);
        }
        document.PeriodLabel = context.PeriodLabel;
        return document;
    }

    private static void RequireYear(Period period)
    {
        if (period.Kind != PeriodKind.FinancialYear)
        {
            throw new ValidationException([new("period.kind", "Annual documents cover a financial year.")]);
        }
    }

    private static DocumentSection Section(string key, string heading, IEnumerable<string> paragraphs, params ReportTable[] tables)
    {
        var section = new DocumentSection { Key = key, Heading = heading };
        section.Paragraphs.AddRange(paragraphs);
        section.Tables.AddRange(tables);
        return section;
    }

    /// <summary>The period's tables, each read once, for one audience.</summary>
    private sealed class Sections(DocumentTables tables, ReportAudience audience, Period period, CancellationToken ct)
    {
        private readonly Dictionary<(ReportKind, Grouping, Basis), ReportTable> _read = [];

        public string PeriodLabel { get; private set; } = "";

        public ReportAudience Audience => audience;

        public CancellationToken Ct => ct;

        public async Task<ReportTable> Get(ReportKind kind, Grouping grouping = Grouping.Council, Basis basis = Basis.Unspecified)
        {
            if (!_read.TryGetValue((kind, grouping, basis), out var table))
            {
                _read[(kind, grouping, basis)] = table = await tables.GetAsync(DocumentTables.Request(kind, period, grouping, basis), audience, ct);
                PeriodLabel = table.PeriodLabel;
            }
            return table;
        }

        /// <summary>One stream's row of a table grouped by stream, as its own table (its total is that row).</summary>
        public async Task<ReportTable> Stream(ReportKind kind, string stream, Basis basis = Basis.Unspecified)
        {
            var table = (await Get(kind, Grouping.Stream, basis)).Clone();
            var row = table.Rows.FirstOrDefault(r => r.Key == "stream:" + stream)
                ?? new ReportRow { Key = "stream:" + stream, Label = stream, Cells = { table.Columns.Select(_ => new Cell()) } };
            table.Rows.Clear();
            table.Rows.Add(row);
            table.Total = row;
            return table;
        }
    }
}
