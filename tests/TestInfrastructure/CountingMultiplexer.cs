using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace ComplaintsPlatform.TestInfrastructure;

/// <summary>
/// The real multiplexer, with every member call on it counted (GetDatabase, IsConnected, GetSubscriber…),
/// so a test can prove that nothing reached Redis over a stretch of requests.
/// </summary>
public class CountingMultiplexer : DispatchProxy
{
    private IConnectionMultiplexer _inner = null!;
    private long _calls;

    public long Calls => Interlocked.Read(ref _calls);

    public IConnectionMultiplexer Inner => _inner;

    public static IConnectionMultiplexer Wrap(IConnectionMultiplexer inner)
    {
        var proxy = Create<IConnectionMultiplexer, CountingMultiplexer>();
        ((CountingMultiplexer)(object)proxy)._inner = inner;
        return proxy;
    }

    /// <summary>Wraps the registered multiplexer, if any, in a counting one.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IConnectionMultiplexer) && !d.IsKeyedService);
        if (registered?.ImplementationFactory is not { } factory)
        {
            return;
        }
        services.Remove(registered);
        services.AddSingleton(sp => Wrap((IConnectionMultiplexer)factory(sp)));
    }

    public static CountingMultiplexer Of(IServiceProvider services) =>
        (CountingMultiplexer)(object)services.GetRequiredService<IConnectionMultiplexer>();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        Interlocked.Increment(ref _calls);
        try
        {
            return targetMethod!.Invoke(_inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }
    }
}
