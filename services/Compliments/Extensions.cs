using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.Compliments.Data;
using ComplaintsPlatform.Compliments.Events;
using ComplaintsPlatform.Compliments.Grpc;
using ComplaintsPlatform.Compliments.Retention;
using ComplaintsPlatform.Retention;
using ComplaintsPlatform.Hosting;
using ComplaintsPlatform.Import;
using ComplaintsPlatform.Messaging;

namespace ComplaintsPlatform.Compliments;

internal static class Extensions
{
    public const string Schema = "compliments";
    public const string ConnectionName = "compliments-db";
    public const string FeedName = "compliments";
    public const string ConsumerName = "compliments";

    public static void AddComplimentsServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ComplimentsDbContext>(ConnectionName, Schema);
        builder.AddPlatformGrpc("complaints.compliments.v1.Compliments", "complaints.compliments.v1.Retention", "complaints.compliments.v1.ComplimentsImport",
            "complaints.compliments.v1.PersonData");
        // StartImport carries a whole history file (up to ImportJobs.MaxFileBytes) in one message.
        builder.Services.AddGrpc().AddServiceOptions<ComplimentsImportService>(o => o.MaxReceiveMessageSize = ImportJobs.MaxFileBytes + 1_000_000);
        // Intake takes compliments sent back to triage; Reporting counts them.
        builder.AddOutbox<ComplimentsDbContext>(FeedName, "intake", "reporting");
        builder.AddFeedConsumer<ComplimentsDbContext, IntakeFeedHandler>("intake", ConsumerName);
        builder.AddFeedConsumer<ComplimentsDbContext, CaseWorkflowFeedHandler>("caseworkflow", ConsumerName);
        builder.AddRetention<ComplimentsDbContext, ComplimentsRetention>();
        builder.Services.AddScoped<ComplimentEvents>();
        builder.Services.AddImportJobs<ComplimentsDbContext>(ComplimentsImportService.Job);
        builder.Services.AddSingleton(new CouncilClocks(CouncilClocks.LoadData(builder.Configuration["Calendar:BankHolidaysFile"])));
    }

    public static WebApplication MapComplimentsEndpoints(this WebApplication app)
    {
        app.MapGrpcService<ComplimentsService>();
        app.MapGrpcService<ComplimentsImportService>();
        app.MapGrpcService<RetentionService>();
        app.MapGrpcService<PersonDataService>();
        app.MapEventFeed<ComplimentsDbContext>();
        return app;
    }
}
