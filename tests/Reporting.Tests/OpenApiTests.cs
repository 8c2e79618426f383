using System.Text.Json;

namespace ComplaintsPlatform.Reporting.Tests;

[Collection(GeneratedYearCollection.Name)]
public sealed class OpenApiTests(GeneratedYearFixture fixture)
{
    [Fact]
    public async Task The_OpenAPI_document_under_the_gateways_reporting_route_lists_the_transcoded_report_paths()
    {
        // Under /api/reporting/, which the gateway forwards to Reporting's HTTP endpoint unchanged.
        using var http = fixture.Host.CreateClient();
        using var response = await http.GetAsync("/api/reporting/openapi/v1.json");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");
        var report = paths.GetProperty("/api/reporting/v1/reports/{report}");
        Assert.True(report.TryGetProperty("get", out var get));
        Assert.Contains(get.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "period.year");
        Assert.True(paths.GetProperty("/api/reporting/v1/reports/{report}/csv").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/reporting/v1/rebuild").TryGetProperty("post", out _));
        var revoke = Assert.Single(paths.EnumerateObject(), p => p.Name.StartsWith("/api/reporting/v1/api-keys/{", StringComparison.Ordinal));
        Assert.True(revoke.Value.TryGetProperty("delete", out _), revoke.Name);
    }

    [Theory]
    [InlineData("/api/reporting/v1/documents/{kind}", "get")]
    [InlineData("/api/reporting/v1/annual-letter/{year}", "get")]
    [InlineData("/api/reporting/v1/annual-letter/{year}/csv", "get")]
    [InlineData("/api/reporting/v1/trends/{report}", "get")]
    [InlineData("/api/reporting/v1/trends/{report}/csv", "get")]
    [InlineData("/api/reporting/v1/self-assessment/{year}", "get")]
    [InlineData("/api/reporting/v1/self-assessment/{year}/csv", "get")]
    [InlineData("/api/reporting/v1/self-assessment/{year}/{paragraph}", "put")]
    [InlineData("/api/reporting/v1/self-assessment/{year}/changes", "get")]
    public async Task The_OpenAPI_document_also_lists_every_transcoded_route_of_the_documents_service(string path, string method)
    {
        using var http = fixture.Host.CreateClient();
        using var document = JsonDocument.Parse(await http.GetStringAsync("/api/reporting/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty(path, out var route), $"{path} is missing; paths: {string.Join(", ", paths.EnumerateObject().Select(p => p.Name))}");
        Assert.True(route.TryGetProperty(method, out var operation), $"{path} has no {method}");
        Assert.Contains("ReportingDocuments", operation.GetProperty("tags").EnumerateArray().Select(t => t.GetString() ?? ""), StringComparer.Ordinal);
        // The register is edited with a JSON body, as the proto's body: "*" says.
        Assert.Equal(method == "put", operation.TryGetProperty("requestBody", out _));
    }

    [Fact]
    public async Task A_bad_REST_request_gets_400_with_the_field_violations_in_its_JSON_body()
    {
        using var http = fixture.Host.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", TestInfrastructure.TestIdentity.Token("complaints_team", "officer-1", null, null));
        // A calendar year with no year: the service's own validation refuses it.
        using var response = await http.GetAsync("/api/reporting/v1/reports/REPORT_KIND_COMPLAINTS?period.kind=PERIOD_KIND_CALENDAR_YEAR");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(3, body.RootElement.GetProperty("code").GetInt32());
        var details = body.RootElement.GetProperty("details").EnumerateArray().ToList();
        Assert.True(details.Count == 1, body.RootElement.ToString());
        var detail = details[0];
        Assert.Equal("type.googleapis.com/google.rpc.BadRequest", detail.GetProperty("@type").GetString());
        Assert.NotEmpty(detail.GetProperty("fieldViolations").EnumerateArray());
    }
}
