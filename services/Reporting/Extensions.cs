using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.Hosting;
using ComplaintsPlatform.Messaging;
using ComplaintsPlatform.Reporting.Data;
using ComplaintsPlatform.Reporting.Domain;
using ComplaintsPlatform.Reporting.Events;
using ComplaintsPlatform.Reporting.Grpc;
using ComplaintsPlatform.Reporting.Reports;
using ComplaintsPlatform.Hosting.Redis;

namespace ComplaintsPlatform.Reporting;

internal static class Extensions
{
    public const string Schema = "reporting";
    public const string ConnectionName = "reporting-db";
    public const string ConsumerName = "reporting";

    public static readonly string[] Sources = ["intake", "caseworkflow", "ombudsman", "compliments"];

    public static void AddReportingServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ReportingDbContext>(ConnectionName, Schema, o => ReportingDbContext.WithGenerations(o));
        builder.AddPlatformGrpc("complaints.reporting.v1.Reporting", "complaints.reporting.v1.ReportingDocuments");
        builder.AddFeedConsumer<ReportingDbContext, IntakeHandler>("intake", ConsumerName);
        builder.AddFeedConsumer<ReportingDbContext, CaseWorkflowHandler>("caseworkflow", ConsumerName);
        builder.AddFeedConsumer<ReportingDbContext, OmbudsmanHandler>("ombudsman", ConsumerName);
        builder.AddFeedConsumer<ReportingDbContext, ComplimentsHandler>("compliments", ConsumerName);
        // A rebuild fills a new generation through the same handlers, then switches to it (Generations).
        builder.Services.Configure<RebuildOptions>(builder.Configuration.GetSection("Reporting:Rebuild"));
        builder.Services.AddHostedService<RebuildService>();
        builder.Services.AddSingleton(new CouncilClocks(CouncilClocks.LoadData(builder.Configuration["Calendar:BankHolidaysFile"])));
        builder.Services.AddSingleton<CouncilDates>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<ReportBuilder>();
        builder.Services.AddSingleton<ReportCache>();
        builder.Services.AddScoped<DocumentTables>();
        builder.Services.AddScoped<SelfAssessmentRegister>();
        builder.Services.AddScoped<DocumentBuilder>();
        builder.Services.AddScoped<ChartBuilder>();
        builder.Services.AddSingleton<DocumentPrinter>();
        builder.Services.Configure<PrinterOptions>(builder.Configuration.GetSection("Reporting:Pdf"));
        builder.Services.Configure<ChartOptions>(builder.Configuration.GetSection("Reporting:Charts"));
        builder.Services.AddReportingOpenApi();
        builder.Services.AddSingleton<ApiKeyListing>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ApiKeyListing>());
        // Reports are computed while Redis is down; the cache and the key listing each have a circuit.
        builder.AddOptionalRedis();
    }

    public static WebApplication MapReportingEndpoints(this WebApplication app)
    {
        app.MapReportingOpenApi();
        app.UseCsvRoutes();
        app.MapGrpcService<ReportingService>();
        app.MapGrpcService<ReportingDocumentsService>();
        return app;
    }
}
