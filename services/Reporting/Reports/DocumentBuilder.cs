using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Reporting.Domain;
using ComplaintsPlatform.Reporting.Data;
using ComplaintsPlatform.Reporting.V1;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Reporting.Reports;

/// <summary>
/// Builds each document from the report tables (for the caller's audience, so suppressed for
/// scrutiny) and the self-assessment: every section is tables plus sentences made of their figures.
/// </summary>
public sealed partial class DocumentBuilder(ReportingDbContext db, DocumentTables tables, SelfAssessmentRegister register, ChartBuilder charts, TimeProvider clock)
{
    public async Task<Document> BuildAsync(DocumentRequest request, ReportAudience audience, CancellationToken ct)
    {
        var period = request.Period ?? new V1.Period();
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
                // The LGSCO Code's report: the corporate stream and the LGSCO (social care has its statutory reports).
                document.Title = "Annual complaints performance and service improvement report";
                context = new Sections(tables, audience, period, ct, ComplaintStream.Corporate, (int)Ombudsman.V1.Ombudsman.Lgsco);
                document.Sections.AddRange(await AnnualReportAsync(context, period.Year));
                break;
            case DocumentKind.HousingAnnualReport:
                RequireYear(period);
                // The Housing Ombudsman Code's report: the housing stream and the Housing Ombudsman only.
                document.Title = "Annual housing complaints performance and service improvement report";
                context = new Sections(tables, audience, period, ct, ComplaintStream.Housing, (int)Ombudsman.V1.Ombudsman.Housing);
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
        await AddChartsAsync(document, period.Year, audience, ct);
        return document;
    }

    // Which charts each document prints, above the tables of the section they illustrate, and for which stream.
    private static readonly Dictionary<DocumentKind, (ComplaintStream Stream, int Ombudsman, (string Section, ChartKind Chart)[] Charts)> s_charts = new()
    {
        [DocumentKind.AnnualReport] = (ComplaintStream.Corporate, (int)Ombudsman.V1.Ombudsman.Lgsco,
            [("stages", ChartKind.VolumesByStreamAndStage), ("outcomes", ChartKind.Timeliness), ("outcomes", ChartKind.OutcomesByService), ("ombudsman", ChartKind.OmbudsmanAgainstSimilar)]),
        [DocumentKind.HousingAnnualReport] = (ComplaintStream.Housing, (int)Ombudsman.V1.Ombudsman.Housing,
            [("stages", ChartKind.VolumesByStreamAndStage), ("outcomes", ChartKind.Timeliness), ("outcomes", ChartKind.OutcomesByService), ("ombudsman", ChartKind.OmbudsmanAgainstSimilar)]),
        [DocumentKind.AdultSocialCare] = (ComplaintStream.AdultSocialCare, 0,
            [("received", ChartKind.VolumesByStreamAndStage), ("timeliness", ChartKind.Timeliness), ("well_founded", ChartKind.OutcomesByService)]),
        [DocumentKind.ChildrenSocialCare] = (ComplaintStream.ChildrenSocialCare, 0,
            [("by_stage", ChartKind.VolumesByStreamAndStage), ("timeliness", ChartKind.Timeliness), ("outcomes", ChartKind.OutcomesByService)]),
        [DocumentKind.MemberSummary] = (ComplaintStream.Unspecified, 0,
            [("volume", ChartKind.VolumesByStreamAndStage), ("outcomes", ChartKind.OutcomesByService), ("performance", ChartKind.Timeliness)]),
        [DocumentKind.DepartmentalQuarterly] = (ComplaintStream.Unspecified, 0,
            [("volume", ChartKind.VolumesByStreamAndStage), ("outcomes", ChartKind.OutcomesByService)]),
    };

    private async Task AddChartsAsync(Document document, int year, ReportAudience audience, CancellationToken ct)
    {
        if (!s_charts.TryGetValue(document.Kind, out var plan))
        {
            return;
        }
        foreach (var (key, kind) in plan.Charts)
        {
            if (document.Sections.FirstOrDefault(s => s.Key == key) is { } section)
            {
                section.Charts.Add(await charts.BuildAsync(new ChartRequest { Kind = kind, Year = year, Stream = plan.Stream, Ombudsman = plan.Ombudsman, YearKind = PeriodKind.FinancialYear }, audience, ct));
            }
        }
    }

    private static void RequireYear(V1.Period period)
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
    private sealed class Sections(DocumentTables tables, ReportAudience audience, V1.Period period, CancellationToken ct,
        ComplaintStream stream = ComplaintStream.Unspecified, int ombudsman = 0)
    {
        // Tables of complaints follow the document's stream; the Ombudsman's tables its Ombudsman; contacts and compliments are the council's.
        private static readonly HashSet<ReportKind> ByStream =
        [
            ReportKind.Complaints, ReportKind.StageFunnel, ReportKind.Findings, ReportKind.Timeliness, ReportKind.NatureCategories, ReportKind.Remedies,
            ReportKind.Learning, ReportKind.EscalationRefusals, ReportKind.TopServiceAreas, ReportKind.Stage2Reviews, ReportKind.OfficerTime,
        ];

        private readonly Dictionary<(ReportKind, Grouping, Basis), ReportTable> _read = [];

        public int Ombudsman => ombudsman;

        public string PeriodLabel { get; private set; } = "";

        public ReportAudience Audience => audience;

        public CancellationToken Ct => ct;

        public async Task<ReportTable> Get(ReportKind kind, Grouping grouping = Grouping.Council, Basis basis = Basis.Unspecified)
        {
            if (!_read.TryGetValue((kind, grouping, basis), out var table))
            {
                var request = DocumentTables.Request(kind, period, grouping, basis);
                request.Stream = ByStream.Contains(kind) ? stream : ComplaintStream.Unspecified;
                request.Ombudsman = kind.ToString().StartsWith("Ombudsman", StringComparison.Ordinal) ? ombudsman : 0;
                table = await tables.GetAsync(request, audience, ct);
                // A Code's report prints its own Ombudsman's columns: no LGSCO categories in the housing report, and the reverse.
                _read[(kind, grouping, basis)] = table = request.Ombudsman == 0 ? table : OmbudsmanColumns.For(table, (Ombudsman.V1.Ombudsman)request.Ombudsman);
                PeriodLabel = table.PeriodLabel;
            }
            return table;
        }

        /// <summary>One stream's row of a table grouped by stream, as its own table (its total is that row).</summary>
        public async Task<ReportTable> Stream(ReportKind kind, string stream, Basis basis = Basis.Unspecified)
        {
            var table = (await Get(kind, Grouping.Stream, basis)).Clone();
            var row = table.Rows.FirstOrDefault(r => r.Key == "stream:" + stream)
                ?? new ReportRow { Key = "stream:" + stream, Label = Enum.TryParse<ComplaintStream>(stream, out var s) ? Labels.Stream(s) : stream, Cells = { table.Columns.Select(_ => new Cell()) } };
            table.Rows.Clear();
            table.Rows.Add(row);
            table.Total = row;
            return table;
        }
    }
}
