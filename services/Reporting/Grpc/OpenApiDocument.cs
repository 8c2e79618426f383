using Microsoft.OpenApi.Models;

namespace ComplaintsPlatform.Reporting.Grpc;

/// <summary>
/// The OpenAPI document of the REST/JSON surface (the proto's google.api.http routes, served by gRPC
/// JSON transcoding). It lives under /api/reporting/ so the gateway's Reporting REST route serves it as is.
/// </summary>
internal static class OpenApiDocument
{
    public const string Route = "/api/reporting/openapi/{documentName}.json";

    public static void AddReportingOpenApi(this IServiceCollection services)
    {
        services.AddGrpcSwagger();
        services.AddSwaggerGen(options => options.SwaggerDoc("v1", new OpenApiInfo
        {
            Title = "ComplaintsPlatform Reporting",
            Version = "v1",
            // Every mapped gRPC service with google.api.http routes is described: Reporting and ReportingDocuments.
            Description = "Report tables and CSV exports over pre-aggregated counters; scrutiny API keys; feed status and rebuild; "
                + "documents (the annual report, statutory reports, member and departmental reports), the annual letter, trends and the self-assessment register.",
        }));
    }

    // The document describes routes and message shapes only (no data), so it is served without a token.
    public static void MapReportingOpenApi(this WebApplication app) => app.MapSwagger(Route).AllowAnonymous();
}
