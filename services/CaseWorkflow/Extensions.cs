using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.CaseWorkflow.Configuration;
using ComplaintsPlatform.CaseWorkflow.Data;
using ComplaintsPlatform.CaseWorkflow.Events;
using ComplaintsPlatform.CaseWorkflow.Grpc;
using ComplaintsPlatform.CaseWorkflow.Retention;
using ComplaintsPlatform.Retention;
using ComplaintsPlatform.Hosting;
using ComplaintsPlatform.Import;
using ComplaintsPlatform.Messaging;

namespace ComplaintsPlatform.CaseWorkflow;

internal static class Extensions
{
    public const string Schema = "caseworkflow";
    public const string ConnectionName = "case-workflow-db";
    public const string FeedName = "caseworkflow";

    public static void AddCaseWorkflowServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<CaseWorkflowDbContext>(ConnectionName, Schema);
        builder.AddPlatformGrpc("complaints.caseworkflow.v1.Procedures", "complaints.caseworkflow.v1.CouncilDirectory",
            "complaints.calendar.v1.Calendar", "complaints.caseworkflow.v1.Cases", "complaints.caseworkflow.v1.CaseInternal",
            "complaints.caseworkflow.v1.StatutoryProcedures", "complaints.caseworkflow.v1.OfficerWork", "complaints.caseworkflow.v1.CaseImport",
            "complaints.caseworkflow.v1.PersonRequests", "complaints.caseworkflow.v1.DataProtection", "complaints.caseworkflow.v1.Retention",
            "complaints.caseworkflow.v1.PersonData");
        // Changes of a case carry the revision the officer read (CaseWork checks it).
        builder.Services.AddGrpc().AddServiceOptions<CasesService>(o => o.Interceptors.Add<ExpectedRevisionInterceptor>())
            .AddServiceOptions<StatutoryProceduresService>(o => o.Interceptors.Add<ExpectedRevisionInterceptor>())
            // A job's start carries a whole history file (up to ImportJobs.MaxFileBytes) in one message.
            .AddServiceOptions<CaseImportService>(o => o.MaxReceiveMessageSize = ImportJobs.MaxFileBytes + 1_000_000);
        builder.AddOutbox<CaseWorkflowDbContext>(FeedName, "intake", "ombudsman", "compliments", "reporting");

        // A newer official bank-holiday file can be dropped in without a release (Calendar:BankHolidaysFile).
        var bankHolidays = CouncilClocks.LoadData(builder.Configuration["Calendar:BankHolidaysFile"]);
        builder.Services.AddSingleton(new CouncilState(bankHolidays));
        builder.Services.AddScoped<ConfigurationEvents>();
        builder.Services.AddHostedService<ConfigurationBootstrapper>();

        builder.Services.AddSingleton<CaseRulesSource>();
        builder.Services.AddScoped<CasePublisher>();
        builder.Services.AddScoped<CaseWork>();
        builder.Services.AddScoped<DeadlineRecalculator>();
        builder.Services.AddScoped<DeadlineWatch>();
        builder.Services.AddHostedService<DeadlineWatcher>();
        builder.AddRetention<CaseWorkflowDbContext, CaseWorkflowRetention>();
        builder.Services.AddImportJobs<CaseWorkflowDbContext>(CaseImportService.CasesJob, CaseImportService.CaseActionsJob);
        // Complaints triaged in Intake open cases here (after the bootstrapper, so the configuration is loaded).
        builder.AddFeedConsumer<CaseWorkflowDbContext, IntakeEventsHandler>("intake", FeedName);
        builder.AddFeedConsumer<CaseWorkflowDbContext, OmbudsmanEventsHandler>("ombudsman", FeedName);
    }

    public static WebApplication MapCaseWorkflowEndpoints(this WebApplication app)
    {
        app.MapGrpcService<ProceduresService>();
        app.MapGrpcService<CouncilDirectoryService>();
        app.MapGrpcService<CalendarService>();
        app.MapGrpcService<CasesService>();
        app.MapGrpcService<StatutoryProceduresService>();
        app.MapGrpcService<OfficerWorkService>();
        app.MapGrpcService<CaseInternalService>();
        app.MapGrpcService<PersonRequestsService>();
        app.MapGrpcService<CaseLookupService>();
        app.MapGrpcService<PersonDataService>();
        app.MapGrpcService<CaseImportService>();
        app.MapGrpcService<DataProtectionService>();
        app.MapGrpcService<RetentionService>();
        app.MapEventFeed<CaseWorkflowDbContext>();
        return app;
    }
}
