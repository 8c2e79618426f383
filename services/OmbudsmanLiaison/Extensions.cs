using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Import;
using ComplaintsPlatform.Messaging;
using ComplaintsPlatform.OmbudsmanLiaison.Cases;
using ComplaintsPlatform.OmbudsmanLiaison.Data;
using ComplaintsPlatform.OmbudsmanLiaison.Domain;
using ComplaintsPlatform.OmbudsmanLiaison.Events;
using ComplaintsPlatform.OmbudsmanLiaison.Grpc;
using ComplaintsPlatform.OmbudsmanLiaison.Retention;
using ComplaintsPlatform.Retention;

namespace ComplaintsPlatform.OmbudsmanLiaison;

internal static class Extensions
{
    public const string Schema = "ombudsman";
    public const string ConnectionName = "ombudsman-liaison-db";
    public const string FeedName = "ombudsman";

    public static void AddOmbudsmanLiaisonServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<OmbudsmanLiaisonDbContext>(ConnectionName, Schema);
        builder.AddPlatformGrpc("complaints.ombudsman.v1.OmbudsmanLiaison", "complaints.ombudsman.v1.Retention", "complaints.ombudsman.v1.OmbudsmanImport",
            "complaints.ombudsman.v1.PersonData");
        // The annual letter's three files (CSV or .xlsx, 5 MB each at most) arrive in one ReconcileAnnualLetter message.
        builder.Services.AddGrpc().AddServiceOptions<OmbudsmanLiaisonService>(o => o.MaxReceiveMessageSize = 16_000_000)
            // A job's start carries a whole history file (up to ImportJobs.MaxFileBytes) in one message.
            .AddServiceOptions<OmbudsmanImportService>(o => o.MaxReceiveMessageSize = ImportJobs.MaxFileBytes + 1_000_000);
        builder.AddOutbox<OmbudsmanLiaisonDbContext>(FeedName, "caseworkflow", "reporting", "intake");
        builder.AddFeedConsumer<OmbudsmanLiaisonDbContext, CaseWorkflowEvents>("caseworkflow", "ombudsman");
        builder.AddRetention<OmbudsmanLiaisonDbContext, OmbudsmanRetention>();
        builder.Services.AddImportJobs<OmbudsmanLiaisonDbContext>(OmbudsmanImportService.EnquiriesJob, OmbudsmanImportService.RecommendationsJob);

        // A newer official bank-holiday file can be dropped in without a release (Calendar:BankHolidaysFile).
        builder.Services.AddSingleton(new CouncilClocks(CouncilClocks.LoadData(builder.Configuration["Calendar:BankHolidaysFile"])));
        builder.Services.AddSingleton<CouncilCalendar>();
        builder.Services.AddScoped<ReminderScanner>();
        builder.Services.AddHostedService<ReminderService>();

        var caseWorkflow = builder.Configuration["Services:CaseWorkflow"] ?? "http://_grpc.case-workflow";
        var lookup = builder.Services
            .AddGrpcClient<CaseLookup.CaseLookupClient>(GrpcCaseDirectory.ClientName, o => o.Address = new Uri(caseWorkflow))
            .AddHttpMessageHandler<ServiceTokenHandler>();
        // One short call a person is waiting on: fail fast as UNAVAILABLE rather than retry for seconds.
#pragma warning disable EXTEXP0001
        lookup.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.Services.AddScoped<ICaseDirectory, GrpcCaseDirectory>();
    }

    public static WebApplication MapOmbudsmanLiaisonEndpoints(this WebApplication app)
    {
        app.MapGrpcService<OmbudsmanLiaisonService>();
        app.MapGrpcService<OmbudsmanImportService>();
        app.MapGrpcService<RetentionService>();
        app.MapGrpcService<PersonDataService>();
        app.MapEventFeed<OmbudsmanLiaisonDbContext>();
        return app;
    }
}
