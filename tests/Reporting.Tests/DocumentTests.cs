using System.Globalization;
using System.Net;
using ComplaintsPlatform.Reporting.V1;
using Google.Protobuf;
using Grpc.Core;

namespace ComplaintsPlatform.Reporting.Tests;

[Collection(DocumentsCollection.Name)]
public sealed class DocumentTests(DocumentsFixture fixture)
{
    private static readonly Period Year2025 = new() { Kind = PeriodKind.FinancialYear, Year = 2025 };
    private static readonly Period Quarter = new() { Kind = PeriodKind.Quarter, Year = 2025, Number = 2 };

    public static TheoryData<DocumentKind, DocumentFormat> Every()
    {
        var data = new TheoryData<DocumentKind, DocumentFormat>();
        foreach (var kind in Enum.GetValues<DocumentKind>().Where(k => k != DocumentKind.Unspecified))
        {
            // The PDF is the HTML printed (DocumentPdfTests).
            foreach (var format in Enum.GetValues<DocumentFormat>().Where(f => f is not (DocumentFormat.Unspecified or DocumentFormat.Pdf)))
            {
                data.Add(kind, format);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Every))]
    public async Task Each_document_renders_every_section_with_sentences_made_from_its_figures_and_no_placeholder(DocumentKind kind, DocumentFormat format)
    {
        var rendered = await Get(kind, format);
        var document = rendered.Document;
        Assert.True(document.Sections.Count >= 4, $"{kind}: {document.Sections.Count} sections");
        Assert.Equal("Test County", document.Council);
        foreach (var section in document.Sections)
        {
            Assert.NotEmpty(section.Paragraphs);
            // Every sentence states figures (digits), never a template left unfilled.
            Assert.All(section.Paragraphs, p => Assert.True(p.Any(char.IsDigit) && !p.Contains('{'), $"{section.Key}: {p}"));
            var heading = format switch
            {
                DocumentFormat.Markdown => "## " + section.Heading,
                DocumentFormat.Html => "</span> " + WebUtility.HtmlEncode(section.Heading) + "</h2>",
                _ => "\"heading\": " + JsonFormatter.Default.Format(new Google.Protobuf.WellKnownTypes.StringValue { Value = section.Heading }),
            };
            Assert.True(rendered.Content.Contains(heading, StringComparison.Ordinal), $"{kind} {format}: no {heading}");
        }
        foreach (var placeholder in new[] { "TODO", "TBC", "lorem", "placeholder", "{0}", "xx" })
        {
            Assert.DoesNotContain(placeholder, rendered.Content, StringComparison.OrdinalIgnoreCase);
        }
        if (format == DocumentFormat.Json)
        {
            Assert.Equal(document, JsonParser.Default.Parse<Document>(rendered.Content));
        }
    }

    [Fact]
    public async Task The_annual_report_states_the_known_totals_of_the_corporate_stream_and_the_LGSCO_in_each_section()
    {
        // The LGSCO Code's report counts the corporate stream (social care has its statutory reports).
        const string Corporate = "Corporate";
        var document = (await Get(DocumentKind.AnnualReport, DocumentFormat.Markdown)).Document;
        var y = fixture.Year;
        Assert.Equal(["complaints_received", "stages", "stage2_reviews", "outcomes", "complaints_refused", "non_compliance", "service_improvements", "ombudsman", "self_assessment"],
            document.Sections.Select(s => s.Key).ToArray());
        string Paragraphs(string key) => string.Join(" ", document.Sections.Single(s => s.Key == key).Paragraphs);
        Assert.StartsWith($"{y.Total(ReportKind.Complaints, "complaints", Basis.Received, 2025, stream: Corporate)} complaints were received in 2025/26", Paragraphs("complaints_received"));
        Assert.Contains($"{y.Total(ReportKind.StageFunnel, "stage2_refused", Basis.Resolved, 2025, stream: Corporate)} refused", Paragraphs("stages"));
        Assert.Contains($"{y.Total(ReportKind.Findings, "upheld", Basis.Resolved, 2025, stream: Corporate)} upheld", Paragraphs("outcomes"));
        Assert.StartsWith($"{y.Total(ReportKind.StageFunnel, "stage2_refused", Basis.Resolved, 2025, stream: Corporate)} escalations to Stage 2 were refused", Paragraphs("complaints_refused"));
        Assert.Contains($"decided {y.Total(ReportKind.OmbudsmanDecisions, "decisions", Basis.Resolved, 2025)} complaints and upheld {y.Total(ReportKind.OmbudsmanInvestigations, "upheld", Basis.Resolved, 2025)} of the {y.Total(ReportKind.OmbudsmanInvestigations, "investigated", Basis.Resolved, 2025)}", Paragraphs("non_compliance"));
        Assert.Contains($"{y.Total(ReportKind.OmbudsmanInvestigations, "public_interest_reports", Basis.Resolved, 2025)} public interest reports", Paragraphs("non_compliance"));
        Assert.StartsWith($"{y.Total(ReportKind.Learning, "lessons", Basis.Resolved, 2025, stream: Corporate)} lessons were recorded with {y.Total(ReportKind.Learning, "actions", Basis.Resolved, 2025, stream: Corporate)} learning actions", Paragraphs("service_improvements"));
        Assert.Contains($"made {y.Total(ReportKind.OmbudsmanEnquiries, "enquiries", Basis.Received, 2025)} enquiries", Paragraphs("ombudsman"));
        var letter = document.Sections.Single(s => s.Key == "ombudsman").Tables.Single(t => t.Title.StartsWith("The Ombudsman's annual letter", StringComparison.Ordinal));
        Assert.Equal(4, letter.Rows.Count);
        var per100k = Math.Round(y.Total(ReportKind.OmbudsmanInvestigations, "upheld", Basis.Resolved, 2025) * 100_000.0 / Council.Population, 2);
        Assert.Contains($"By the council's own records {per100k.ToString("0.##", CultureInfo.InvariantCulture)} complaints were upheld per 100,000 population, against 4.12 in the Ombudsman's figures and 5.3 on average for councils of the same type.", Paragraphs("ombudsman"));
        var register = document.Sections.Single(s => s.Key == "self_assessment").SelfAssessment;
        Assert.Contains($"{register.DoesNotComply} not complied with", Paragraphs("self_assessment"));
        Assert.Contains("3 provisions are marked as not complied with by the conformance check", Paragraphs("self_assessment"));
    }

    [Fact]
    public async Task The_statutory_reports_count_each_stream_by_stage_with_referrals_to_the_Ombudsman_and_advocacy()
    {
        var y = fixture.Year;
        var adult = (await Get(DocumentKind.AdultSocialCare, DocumentFormat.Markdown)).Document;
        string Of(Document d, string key) => string.Join(" ", d.Sections.Single(s => s.Key == key).Paragraphs);
        Assert.StartsWith($"{y.Total(ReportKind.StatutoryStages, "1_entered", Basis.Received, 2025, stream: "AdultSocialCare")} complaints were received", Of(adult, "received"));
        var wellFounded = y.Total(ReportKind.StatutoryStages, "1_finding_Upheld", Basis.Resolved, 2025, stream: "AdultSocialCare")
            + y.Total(ReportKind.StatutoryStages, "1_finding_PartlyUpheld", Basis.Resolved, 2025, stream: "AdultSocialCare");
        Assert.StartsWith($"{wellFounded} of ", Of(adult, "well_founded"));

        var children = (await Get(DocumentKind.ChildrenSocialCare, DocumentFormat.Html)).Document;
        long C(string column, Basis basis = Basis.Resolved) => y.Total(ReportKind.StatutoryStages, column, basis, 2025, stream: OmbudsmanGenerator.Stream);
        Assert.Equal($"Stage 1 (local resolution): {C("1_entered", Basis.Received)}; Stage 2 (investigation): {C("2_entered", Basis.Received)}; Stage 3 (review panel): {C("3_entered", Basis.Received)}.", Of(children, "by_stage"));
        Assert.StartsWith($"Stage 2: {C("2_responses")} responses, {C("2_in_time")} within the timescale", children.Sections.Single(s => s.Key == "timeliness").Paragraphs[1]);
        Assert.Equal($"An advocate was offered {C("0_advocacy_offered")} times: {C("0_advocacy_accepted")} accepted, {C("0_advocacy_declined")} declined.", Of(children, "advocacy"));
        Assert.True(C("0_advocacy_accepted") > 0 && C("3_entered", Basis.Received) > 0);
        var referred = await fixture.Host.Team.GetReportAsync(ReportingHost.Request(ReportKind.StatutoryStages, 2025, Basis.Resolved, Grouping.Stream));
        var index = referred.Columns.ToList().FindIndex(c => c.Key == "referred_to_ombudsman");
        Assert.Equal(C("referred_to_ombudsman"), (long)referred.Rows.Single(r => r.Key == "stream:ChildrenSocialCare").Cells[index].Value);
        Assert.True(C("referred_to_ombudsman") > 0);
    }

    [Fact]
    public async Task Scrutiny_gets_the_annual_report_with_its_council_and_directorate_figures_as_published_and_no_staff_documents()
    {
        var scrutiny = fixture.Documents("scrutiny");
        var report = (await scrutiny.GetDocumentAsync(new DocumentRequest { Kind = DocumentKind.AnnualReport, Period = Year2025 })).Document;
        var team = (await fixture.Documents().GetDocumentAsync(new DocumentRequest { Kind = DocumentKind.AnnualReport, Period = Year2025 })).Document;
        Assert.True(report.SuppressionApplied);
        // The annual report's tables are council-wide, by stage or by directorate: the published story, never hidden.
        var cells = report.Sections.SelectMany(s => s.Tables).Where(t => t.SuppressionApplied)
            .SelectMany(t => t.Rows.Append(t.Total).SelectMany(r => r.Cells.Select((c, i) => (c, t.Columns[i].Unit)))).Where(x => x.Unit == Unit.Count).ToList();
        Assert.Contains(cells, x => x.c.Value is >= 1 and <= 4);
        Assert.DoesNotContain(cells, x => x.c.Suppressed);
        Assert.Equal(team.Sections.Single(s => s.Key == "outcomes").Paragraphs, report.Sections.Single(s => s.Key == "outcomes").Paragraphs);
        Assert.All(report.Sections.Single(s => s.Key == "self_assessment").SelfAssessment.Items, i => Assert.Equal("", i.AssessedBy));

        foreach (var kind in new[] { DocumentKind.AdultSocialCare, DocumentKind.DepartmentalQuarterly })
        {
            var denied = await Assert.ThrowsAsync<RpcException>(() => scrutiny.GetDocumentAsync(new DocumentRequest { Kind = kind, Period = kind == DocumentKind.DepartmentalQuarterly ? Quarter : Year2025, DirectorateId = Council.Corporate }).ResponseAsync);
            Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        }
    }

    [Fact]
    public async Task A_service_lead_gets_their_own_directorates_quarterly_report_only()
    {
        var lead = fixture.Documents("service_lead", Council.Corporate);
        var own = (await lead.GetDocumentAsync(new DocumentRequest { Kind = DocumentKind.DepartmentalQuarterly, Period = Quarter })).Document;
        var volume = own.Sections.Single(s => s.Key == "volume").Tables.Single();
        Assert.Equal(["service_area:" + Council.Libraries], volume.Rows.Select(r => r.Key).Distinct().ToArray());
        var other = await Assert.ThrowsAsync<RpcException>(() => lead.GetDocumentAsync(new DocumentRequest { Kind = DocumentKind.DepartmentalQuarterly, Period = Quarter, DirectorateId = Council.Environment }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, other.StatusCode);
    }

    [Fact]
    public async Task Documents_and_trends_are_served_over_REST_by_JSON_transcoding_with_the_same_access()
    {
        using var http = fixture.Host.Server.CreateClient();
        var anonymous = await http.GetAsync("/api/reporting/v1/documents/DOCUMENT_KIND_ANNUAL_REPORT?period.kind=PERIOD_KIND_FINANCIAL_YEAR&period.year=2025");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        http.DefaultRequestHeaders.Authorization = new("Bearer", TestInfrastructure.TestIdentity.Token("complaints_team", "officer-1", null, null));
        var response = await http.GetAsync("/api/reporting/v1/documents/DOCUMENT_KIND_ANNUAL_REPORT?period.kind=PERIOD_KIND_FINANCIAL_YEAR&period.year=2025&format=DOCUMENT_FORMAT_HTML");
        response.EnsureSuccessStatusCode();
        var rendered = JsonParser.Default.Parse<RenderedDocument>(await response.Content.ReadAsStringAsync());
        Assert.Equal("text/html; charset=utf-8", rendered.ContentType);
        Assert.StartsWith("<!DOCTYPE html>", rendered.Content);

        // The …/csv route answers with the CSV itself, as a file.
        var csvResponse = await http.GetAsync("/api/reporting/v1/trends/REPORT_KIND_OMBUDSMAN_DECISIONS/csv?toYear=2025&basis=BASIS_RESOLVED&column=decisions");
        csvResponse.EnsureSuccessStatusCode();
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal("trend-ombudsmandecisions-2025.csv", csvResponse.Content.Headers.ContentDisposition?.FileName);
        var csv = await csvResponse.Content.ReadAsStringAsync();
        Assert.StartsWith("Group,2021/22,", csv);
        var council = csv.Split("\r\n").Single(l => l.StartsWith("Council,", StringComparison.Ordinal));
        Assert.Equal("Council," + string.Join(',', Enumerable.Range(2021, 5).Select(y => fixture.Year.Total(ReportKind.OmbudsmanDecisions, "decisions", Basis.Resolved, y))), council);
    }

    private Task<RenderedDocument> Get(DocumentKind kind, DocumentFormat format) =>
        fixture.Documents().GetDocumentAsync(new DocumentRequest
        {
            Kind = kind,
            Format = format,
            Period = kind == DocumentKind.DepartmentalQuarterly ? Quarter : Year2025,
            DirectorateId = kind == DocumentKind.DepartmentalQuarterly ? Council.Environment : "",
        }).ResponseAsync;
}
