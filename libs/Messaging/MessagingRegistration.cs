using ComplaintsPlatform.Hosting.Redis;
using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Messaging.Consumers;
using ComplaintsPlatform.Messaging.Feed;
using ComplaintsPlatform.Messaging.Outbox;
using Grpc.Net.ClientFactory;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ComplaintsPlatform.Messaging;

public static class MessagingRegistration
{
    /// <summary>
    /// This service publishes <paramref name="feedName"/> from <typeparamref name="TContext"/>'s outbox
    /// (the context must call <c>modelBuilder.AddOutbox()</c>). Configuration <c>Feed:Consumers</c>
    /// replaces <paramref name="allowedConsumers"/>; <c>Feed:PollInterval</c>, <c>Feed:BatchSize</c> and <c>Feed:GatherDelay</c> tune it.
    /// </summary>
    public static IHostApplicationBuilder AddOutbox<TContext>(
        this IHostApplicationBuilder builder, string feedName, params string[] allowedConsumers)
        where TContext : DbContext
    {
        var section = builder.Configuration.GetSection("Feed");
        var consumers = section.GetSection("Consumers").Get<string[]>() ?? allowedConsumers;
        builder.Services.AddSingleton(new FeedDefinition<TContext>
        {
            Name = feedName,
            Consumers = consumers.ToHashSet(StringComparer.Ordinal),
            PollInterval = section.GetValue("PollInterval", TimeSpan.FromMilliseconds(250)),
            BatchSize = section.GetValue("BatchSize", 200),
            GatherDelay = section.GetValue("GatherDelay", TimeSpan.FromMilliseconds(5)),
        });
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<IOutbox, Outbox.Outbox>();
        // The wake-up over Redis goes through a circuit of its own (AddOptionalRedis configures it, if called).
        builder.Services.TryAddSingleton<RedisCircuits>();
        builder.Services.AddSingleton<FeedSignal<TContext>>();
        builder.Services.AddSingleton<OutboxCommits<TContext>>();
        builder.Services.AddSingleton<OutboxCommitInterceptor<TContext>>();
        builder.Services.ConfigureDbContext<TContext>(
            (sp, options) => options.AddInterceptors(sp.GetRequiredService<OutboxCommitInterceptor<TContext>>()), ServiceLifetime.Singleton);
        builder.Services.AddHostedService<SequencerService<TContext>>();
        return builder;
    }

    /// <summary>Serves the outbox of <typeparamref name="TContext"/> as the <c>EventFeed</c> gRPC service.</summary>
    public static GrpcServiceEndpointConventionBuilder MapEventFeed<TContext>(this IEndpointRouteBuilder app)
        where TContext : DbContext =>
        app.MapGrpcService<EventFeedService<TContext>>();

    /// <summary>
    /// This service, as <paramref name="consumerName"/>, follows the feed of <paramref name="sourceService"/>
    /// and applies each event once through <typeparamref name="THandler"/> (resolved per event, scoped).
    /// The context must call <c>modelBuilder.AddInbox()</c>. The feed is reached at configuration
    /// <c>Feeds:&lt;source&gt;:Address</c>, by default <c>http://_grpc.&lt;source&gt;</c> (service discovery),
    /// with this service's own token. Returns the gRPC client's builder, e.g. for a test server's handler.
    /// </summary>
    public static IHttpClientBuilder AddFeedConsumer<TContext, THandler>(
        this IHostApplicationBuilder builder, string sourceService, string consumerName,
        Action<FeedSubscription>? configure = null)
        where TContext : DbContext
        where THandler : class, IFeedEventHandler<TContext>
    {
        builder.Services.TryAddScoped<THandler>();
        return AddConsumer(builder, new FeedSubscription(sourceService, consumerName), sp => sp.GetRequiredService<THandler>(), configure);
    }

    /// <summary>As the handler-type overload, with the handler as a delegate.</summary>
    public static IHttpClientBuilder AddFeedConsumer<TContext>(
        this IHostApplicationBuilder builder, string sourceService, string consumerName,
        Func<TContext, FeedEvent, CancellationToken, Task> handle,
        Action<FeedSubscription>? configure = null)
        where TContext : DbContext
    {
        var handler = new DelegateFeedEventHandler<TContext>(handle);
        return AddConsumer(builder, new FeedSubscription(sourceService, consumerName), _ => handler, configure);
    }

    private static IHttpClientBuilder AddConsumer<TContext>(
        IHostApplicationBuilder builder, FeedSubscription subscription,
        Func<IServiceProvider, IFeedEventHandler<TContext>> resolveHandler, Action<FeedSubscription>? configure)
        where TContext : DbContext
    {
        configure?.Invoke(subscription);
        var address = builder.Configuration[$"Feeds:{subscription.Source}:Address"] ?? $"http://_grpc.{subscription.Source}";
        builder.Services.AddSingleton<IHostedService>(sp => new FeedConsumer<TContext>(
            sp, subscription, resolveHandler, sp.GetRequiredService<GrpcClientFactory>(),
            sp.GetRequiredService<ILogger<FeedConsumer<TContext>>>()));
        var client = builder.Services
            .AddGrpcClient<EventFeed.EventFeedClient>(subscription.ClientName, o => o.Address = new Uri(address))
            .AddHttpMessageHandler<ServiceTokenHandler>();
        // The consumer reconnects with its own backoff; the default HTTP retry and timeouts would cut long-lived streams.
#pragma warning disable EXTEXP0001 // Experimental, but the supported way to opt one client out of ConfigureHttpClientDefaults.
        client.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        return client;
    }
}
