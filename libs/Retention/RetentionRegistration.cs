using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Hosting.Identity;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace ComplaintsPlatform.Retention;

public static class RetentionRegistration
{
    /// <summary>Who may run a service's retention job on demand and read its runs.</summary>
    public const string Readers = Roles.DataProtectionOfficer + "," + Roles.ComplaintsTeam;

    /// <summary>
    /// The service's retention job: <typeparamref name="TSweep"/> says what is due and removes it; the
    /// context must call <c>modelBuilder.AddRetention()</c> and the service must publish an outbox.
    /// </summary>
    public static IHostApplicationBuilder AddRetention<TContext, TSweep>(this IHostApplicationBuilder builder)
        where TContext : DbContext
        where TSweep : RetentionSweep<TContext>
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<RetentionSweep<TContext>, TSweep>();
        builder.Services.AddSingleton<RetentionRunner<TContext>>();
        builder.Services.AddScoped<RetentionFeed<TContext>>();
        builder.Services.AddHostedService<DailyRetention<TContext>>();
        return builder;
    }

    /// <summary>A run on demand, for a service's Retention gRPC class.</summary>
    public static Task<RetentionRun> RunOnDemandAsync<TContext>(this RetentionRunner<TContext> runner, RunRetentionRequest request,
        IHostEnvironment environment, TimeProvider clock, ServerCallContext context) where TContext : DbContext
    {
        var asOf = RetentionAsOf.Resolve(request.AsOf, environment, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return runner.RunAsync(RetentionRunTrigger.OnDemand, asOf, Caller.From(context).Subject, context.CancellationToken);
    }
}
