using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.Hosting;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Import;
using ComplaintsPlatform.Intake.Correspondence;
using ComplaintsPlatform.Intake.Data;
using ComplaintsPlatform.Intake.Domain;
using ComplaintsPlatform.Intake.Events;
using ComplaintsPlatform.Intake.Grpc;
using ComplaintsPlatform.Intake.Retention;
using ComplaintsPlatform.Intake.SubjectAccess;
using ComplaintsPlatform.Retention;
using ComplaintsPlatform.Intake.Import;
using ComplaintsPlatform.Messaging;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ComplaintsPlatform.Hosting.Redis;

namespace ComplaintsPlatform.Intake;

internal static class Extensions
{
    public const string Schema = "intake";
    public const string ConnectionName = "intake-db";
    public const string FeedName = "intake";

    public static void AddIntakeServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IntakeDbContext>(ConnectionName, Schema);
        builder.AddPlatformGrpc("complaints.intake.v1.Intake", "complaints.intake.v1.Retention", "complaints.intake.v1.Registers", "complaints.intake.v1.IntakeImport",
            "complaints.intake.v1.PublicIntake", "complaints.intake.v1.SubjectAccess");
        var intakeOptions = builder.Configuration.GetSection(IntakeOptions.Section).Get<IntakeOptions>() ?? new IntakeOptions();
        // No larger than what the gateway lets through: a submission with its attachments is one message.
        builder.Services.AddGrpc().AddServiceOptions<IntakeService>(o => o.MaxReceiveMessageSize = intakeOptions.MaxRequestBytes)
            .AddServiceOptions<PublicIntakeService>(o => o.MaxReceiveMessageSize = intakeOptions.MaxRequestBytes)
            // StartImport carries a whole history file (up to ImportJobs.MaxFileBytes) in one message.
            .AddServiceOptions<IntakeImportService>(o => o.MaxReceiveMessageSize = ImportJobs.MaxFileBytes + 1_000_000);
        builder.Services.Configure<IntakeOptions>(builder.Configuration.GetSection(IntakeOptions.Section));

        builder.AddOutbox<IntakeDbContext>(FeedName, "caseworkflow", "compliments", "reporting", "ombudsman");
        builder.AddFeedConsumer<IntakeDbContext, CaseWorkflowEventsHandler>("caseworkflow", "intake");
        builder.AddFeedConsumer<IntakeDbContext, ComplimentsEventsHandler>("compliments", "intake");
        builder.AddFeedConsumer<IntakeDbContext, OmbudsmanEventsHandler>("ombudsman", "intake");
        builder.AddRetention<IntakeDbContext, IntakeRetention>();
        builder.Services.AddScoped<CaseCorrespondence>();
        builder.Services.AddScoped<CaseLetterWords>();
        builder.Services.AddScoped<ContactImporter>();
        builder.Services.AddImportJobs<IntakeDbContext>(IntakeImportService.Job);
        builder.Services.AddSingleton<OfficerDirectory>();
        // CaseWorkflow's letter words (CaseInternal, fetched by the dispatcher) and officers' addresses (CouncilDirectory), as the intake service.
        var caseWorkflow = new Uri(builder.Configuration["Services:CaseWorkflow"] ?? "http://_grpc.case-workflow");
        builder.Services.AddGrpcClient<CaseWorkflow.V1.CaseInternal.CaseInternalClient>(o => o.Address = caseWorkflow).AddHttpMessageHandler<ServiceTokenHandler>();
        builder.Services.AddGrpcClient<CaseWorkflow.V1.CouncilDirectory.CouncilDirectoryClient>(o => o.Address = caseWorkflow).AddHttpMessageHandler<ServiceTokenHandler>();
        // The person's own escalation and withdrawal requests, relayed once their status token is checked.
        builder.Services.AddGrpcClient<CaseWorkflow.V1.PersonRequests.PersonRequestsClient>(o => o.Address = caseWorkflow).AddHttpMessageHandler<ServiceTokenHandler>();

        // Subject access gathers from every service's internal PersonData service, as the intake service.
        var ombudsman = new Uri(builder.Configuration["Services:Ombudsman"] ?? "http://_grpc.ombudsman-liaison");
        var compliments = new Uri(builder.Configuration["Services:Compliments"] ?? "http://_grpc.compliments");
        builder.Services.AddGrpcClient<CaseWorkflow.V1.PersonData.PersonDataClient>("caseworkflow-person-data", o => o.Address = caseWorkflow).AddHttpMessageHandler<ServiceTokenHandler>();
        builder.Services.AddGrpcClient<Ombudsman.V1.PersonData.PersonDataClient>("ombudsman-person-data", o => o.Address = ombudsman).AddHttpMessageHandler<ServiceTokenHandler>();
        builder.Services.AddGrpcClient<Compliments.V1.PersonData.PersonDataClient>("compliments-person-data", o => o.Address = compliments).AddHttpMessageHandler<ServiceTokenHandler>();
        builder.Services.AddScoped<IntakePersonRecords>();
        builder.Services.AddScoped<AccessLogQuery>();
        builder.Services.AddScoped<PackageGatherer>();

        // Redis only wakes other replicas' feed streams here (Submit's idempotency is the database's unique key): short limits, a circuit per use.
        builder.AddOptionalRedis();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => StatusTokens.FromConfiguration(
            sp.GetRequiredService<IOptions<IntakeOptions>>().Value.StatusTokenKey));
        // Dates and triage deadlines follow the council's clock, whose settings arrive with CaseWorkflow's configuration.
        builder.Services.AddSingleton(new CouncilClocks(CouncilClocks.LoadData(builder.Configuration["Calendar:BankHolidaysFile"])));
        builder.Services.AddSingleton<CouncilClockSource>();

        builder.Services.AddSingleton(builder.Configuration.GetSection(SmtpOptions.Section).Get<SmtpOptions>() ?? new SmtpOptions());
        builder.Services.AddSingleton<EmailSender>();
        builder.Services.AddSingleton<StatusLinks>();
        builder.Services.AddSingleton<CorrespondenceSignal>();
        builder.Services.AddHostedService<CorrespondenceDispatcher>();
        builder.Services.AddSingleton(sp => new ReferenceNumbers(sp.GetRequiredService<IOptions<IntakeOptions>>().Value.ReferenceBlock));
        builder.Services.AddSingleton<SubmissionWriter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SubmissionWriter>());
    }

    public static WebApplication MapIntakeEndpoints(this WebApplication app)
    {
        app.MapGrpcService<IntakeService>();
        app.MapGrpcService<RegistersService>();
        app.MapGrpcService<IntakeImportService>();
        app.MapGrpcService<RetentionService>();
        app.MapGrpcService<PublicIntakeService>();
        app.MapGrpcService<SubjectAccessService>();
        app.MapEventFeed<IntakeDbContext>();
        return app;
    }
}
