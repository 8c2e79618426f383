using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HttpOverrides;
using StackExchange.Redis;

namespace ComplaintsPlatform.Web;

internal static class Extensions
{
    private const string RedisConnection = "redis";

    public static void AddWebServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Browsers arrive through the gateway: the scheme and host they used are in X-Forwarded-*.
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.ForwardLimit = 1;
        });

        var dataProtection = services.AddDataProtection().SetApplicationName("complaints-platform-web");
        if (!string.IsNullOrEmpty(builder.Configuration.GetConnectionString(RedisConnection)))
        {
            // Keys and journeys in Redis, so a restart or a second replica reads what the first wrote.
            // Spans only where they are exported (the dashboard's or a collector's endpoint; ServiceDefaults).
            builder.AddRedisClient(RedisConnection,
                settings => settings.DisableTracing |= !TelemetryExport.IsConfigured(builder.Configuration));
            services.AddStackExchangeRedisCache(_ => { });
            services.AddOptions<Microsoft.Extensions.Caching.StackExchangeRedis.RedisCacheOptions>()
                .Configure<IServiceProvider>((o, sp) =>
                {
                    o.ConnectionMultiplexerFactory = () => Task.FromResult(sp.GetRequiredService<IConnectionMultiplexer>());
                    o.InstanceName = "web:";
                });
            services.AddOptions<KeyManagementOptions>()
                .Configure<IServiceProvider>((o, sp) => o.XmlRepository =
                    new Microsoft.AspNetCore.DataProtection.StackExchangeRedis.RedisXmlRepository(
                        () => sp.GetRequiredService<IConnectionMultiplexer>().GetDatabase(), "web:data-protection-keys"));
        }
        else
        {
            services.AddDistributedMemoryCache();
        }

        services.AddMemoryCache();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<JourneyStore>();
        services.AddScoped<StatusSession>();
        services.AddSingleton<CouncilForm>();

        // Every call goes through the gateway, as an API client's would: the gateway's routes, rate limits
        // and edge rules apply to the pages too. Public calls carry no token at all (and the browser's
        // address, for the gateway's per-client limit); staff calls carry the officer's own (StaffTokens).
        services.AddHttpContextAccessor();
        services.AddTransient<ForwardedFor>();
        services.ConfigureAll<Microsoft.Extensions.Http.HttpClientFactoryOptions>(o =>
            o.HttpMessageHandlerBuilderActions.Add(b => b.AdditionalHandlers.Add(b.Services.GetRequiredService<ForwardedFor>())));
        // The web calls only the gateway, which fails fast itself (UNAVAILABLE within its connect
        // timeout): no HTTP-level retry or 10-second attempt timeout from the service defaults, which
        // would re-send a gRPC call that changes something and cut off a long one (a PDF being printed).
#pragma warning disable EXTEXP0001
        services.ConfigureHttpClientDefaults(http => http.RemoveAllResilienceHandlers());
#pragma warning restore EXTEXP0001
        var gateway = new Uri(builder.Configuration["Services:Gateway"] ?? "http://_grpc.gateway");
        var intake = gateway;
        var caseWorkflow = gateway;
        services.AddGrpcClient<Intake.V1.Intake.IntakeClient>(o => o.Address = intake);
        services.AddGrpcClient<Intake.V1.PublicIntake.PublicIntakeClient>(o => o.Address = intake)
            .ConfigureChannel(c => c.MaxSendMessageSize = null);
        services.AddGrpcClient<CaseWorkflow.V1.Cases.CasesClient>(o => o.Address = caseWorkflow);
        services.AddGrpcClient<CaseWorkflow.V1.OfficerWork.OfficerWorkClient>(o => o.Address = caseWorkflow);
        services.AddGrpcClient<CaseWorkflow.V1.CouncilDirectory.CouncilDirectoryClient>(o => o.Address = caseWorkflow);
        services.AddGrpcClient<CaseWorkflow.V1.Procedures.ProceduresClient>(o => o.Address = caseWorkflow);
        services.AddGrpcClient<Calendar.V1.Calendar.CalendarClient>(o => o.Address = caseWorkflow);
        // Staff accounts (the administrator's pages).
        services.AddGrpcClient<Identity.V1.Accounts.AccountsClient>(o => o.Address = gateway);
        services.AddScoped<StaffDirectory>();
        services.AddSingleton<ConfigurationCaches>();
        // The social care procedures' own steps, and the person's registers (adjustments, restrictions).
        services.AddGrpcClient<CaseWorkflow.V1.StatutoryProcedures.StatutoryProceduresClient>(o => o.Address = caseWorkflow);
        services.AddGrpcClient<Intake.V1.Registers.RegistersClient>(o => o.Address = intake);

        // Data protection: the schedule, holds and requests in CaseWorkflow; each service's retention runs
        // (every service's client is called RetentionClient, so each is named).
        var ombudsman = gateway;
        var compliments = gateway;
        services.AddGrpcClient<CaseWorkflow.V1.DataProtection.DataProtectionClient>(o => o.Address = caseWorkflow);
        services.AddGrpcClient<Ombudsman.V1.OmbudsmanLiaison.OmbudsmanLiaisonClient>(o => o.Address = ombudsman)
            .ConfigureChannel(c => c.MaxSendMessageSize = null);
        services.AddGrpcClient<Compliments.V1.Compliments.ComplimentsClient>(o => o.Address = compliments);
        // History imports as jobs: each kind's file goes whole to its owning service in one message.
        services.AddGrpcClient<Compliments.V1.ComplimentsImport.ComplimentsImportClient>(o => o.Address = compliments)
            .ConfigureChannel(c => c.MaxSendMessageSize = null);
        services.AddGrpcClient<Intake.V1.IntakeImport.IntakeImportClient>(o => o.Address = intake)
            .ConfigureChannel(c => c.MaxSendMessageSize = null);
        services.AddGrpcClient<CaseWorkflow.V1.CaseImport.CaseImportClient>(o => o.Address = caseWorkflow)
            .ConfigureChannel(c => c.MaxSendMessageSize = null);
        services.AddGrpcClient<Ombudsman.V1.OmbudsmanImport.OmbudsmanImportClient>(o => o.Address = ombudsman)
            .ConfigureChannel(c => c.MaxSendMessageSize = null);
        services.AddScoped<Pages.Staff.Imports.ImportJobsClient>();
        services.AddGrpcClient<Intake.V1.Retention.RetentionClient>("intake-retention", o => o.Address = intake);
        services.AddGrpcClient<CaseWorkflow.V1.Retention.RetentionClient>("caseWorkflow-retention", o => o.Address = caseWorkflow);
        services.AddGrpcClient<Ombudsman.V1.Retention.RetentionClient>("ombudsman-retention", o => o.Address = ombudsman);
        services.AddGrpcClient<Compliments.V1.Retention.RetentionClient>("compliments-retention", o => o.Address = compliments);
        // Subject access and the read audit of every service, through Intake; a zip package may be large.
        services.AddGrpcClient<Intake.V1.SubjectAccess.SubjectAccessClient>(o => o.Address = intake)
            .ConfigureChannel(c => c.MaxReceiveMessageSize = null);

        // Reports, charts and documents (a PDF can be a few megabytes).
        var reporting = gateway;
        services.AddGrpcClient<Reporting.V1.Reporting.ReportingClient>(o => o.Address = reporting);
        services.AddGrpcClient<Reporting.V1.ReportingDocuments.ReportingDocumentsClient>(o => o.Address = reporting)
            .ConfigureChannel(c => c.MaxReceiveMessageSize = 32 * 1024 * 1024);

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "complaints-antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        builder.AddStaffSignIn();
        services.AddRazorPages(o =>
        {
            Links.MapRoutes(o.Conventions);
            StaffSignIn.Protect(o.Conventions);
        });
    }

    public static void UseWebPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler(Links.Error);
        app.UseStatusCodePagesWithReExecute(Links.Error, "?code={0}");
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
    }
}
