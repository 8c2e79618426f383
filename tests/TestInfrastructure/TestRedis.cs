using System.Net.Sockets;
using ComplaintsPlatform.LocalInfrastructure;
using StackExchange.Redis;

namespace ComplaintsPlatform.TestInfrastructure;

/// <summary>A real redis-server on a free port, without persistence; can be stopped and restarted mid-test.</summary>
public sealed class TestRedis : IDisposable
{
    private ServerProcess? _server;

    public int Port { get; } = FreePort.Next();

    /// <summary>What the service under test is given: short timeouts, so an outage shows at once.</summary>
    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=500,syncTimeout=500";

    /// <summary>What a test itself uses to look inside or steer the server: ordinary timeouts, so a busy machine cannot fail the look.</summary>
    public string ProbeConnectionString => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=5000,syncTimeout=5000,asyncTimeout=5000";

    public static async Task<TestRedis> StartAsync()
    {
        var redis = new TestRedis();
        await redis.StartServerAsync();
        return redis;
    }

    public async Task StartServerAsync()
    {
        _server = ServerProcess.Start("redis-server",
            ["--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            ServerProcess.SigTerm);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(25);
            }
        }
    }

    /// <summary>Freezes the server for a while (CLIENT PAUSE): connections stay open, commands get no answer.</summary>
    public async Task FreezeAsync(TimeSpan howLong)
    {
        // Short timeouts here: closing this connection waits for an answer Redis gives only once the pause ends.
        await using var admin = await ConnectionMultiplexer.ConnectAsync(ConnectionString + ",allowAdmin=true");
        await admin.GetDatabase().ExecuteAsync("CLIENT", "PAUSE", (long)howLong.TotalMilliseconds, "ALL");
    }

    public void Stop()
    {
        _server?.Dispose();
        _server = null;
    }

    public void Dispose() => Stop();
}
