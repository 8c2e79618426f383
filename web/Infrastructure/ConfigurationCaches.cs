using Microsoft.Extensions.Caching.Memory;
using StackExchange.Redis;

namespace ComplaintsPlatform.Web.Infrastructure;

/// <summary>
/// The web's copies of the council's configuration (the staff directory, the public form) are held a
/// minute in each replica's memory. When this web changes the configuration it forgets them here and
/// tells the other replicas over Redis, so the next page on any replica reads afresh. Redis away: the
/// others catch up when their minute is over.
/// </summary>
public sealed class ConfigurationCaches
{
    public const string StaffDirectoryKey = "StaffDirectory";
    public const string PublicFormKey = "CouncilForm";

    private static readonly RedisChannel Changed = RedisChannel.Literal("web:configuration-changed");

    private readonly IMemoryCache _cache;
    private readonly IConnectionMultiplexer? _redis;
    private readonly ILogger<ConfigurationCaches> _logger;

    public ConfigurationCaches(IMemoryCache cache, IServiceProvider services, ILogger<ConfigurationCaches> logger)
    {
        _cache = cache;
        _logger = logger;
        _redis = services.GetService<IConnectionMultiplexer>();
        try
        {
            _redis?.GetSubscriber().Subscribe(Changed, (_, _) => ForgetHere());
        }
        catch (RedisException e)
        {
            logger.LogWarning("Configuration changes from other replicas will be seen within a minute: {Reason}", e.GetType().Name);
        }
    }

    /// <summary>After a configuration change made through this web: every replica reads afresh.</summary>
    public void Forget()
    {
        ForgetHere();
        try
        {
            _redis?.GetSubscriber().Publish(Changed, RedisValue.EmptyString, CommandFlags.FireAndForget);
        }
        catch (RedisException e)
        {
            _logger.LogWarning("Other replicas will see the configuration change within a minute: {Reason}", e.GetType().Name);
        }
    }

    private void ForgetHere()
    {
        _cache.Remove(StaffDirectoryKey);
        _cache.Remove(PublicFormKey);
    }
}
