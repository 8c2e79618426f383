using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ComplaintsPlatform.Bench;

/// <summary>
/// The whole platform for a benchmark: local processes in a throw-away data folder on free ports, the
/// dashboard off, the benchmark's own subject ("bench") exempt from the gateway's rate limit, and the
/// platform's logs in a file, so the console shows only the benchmark's tables.
/// </summary>
internal static class BenchPlatform
{
    public static async Task<DistributedApplication> BuildAsync(string dataDir, string logFile)
    {
        // The AppHost prints a first administrator's password for a new data folder: not a figure, not shown.
        var console = Console.Out;
        Console.SetOut(TextWriter.Null);
        try
        {
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
                [
                    "--ComplaintsPlatform:InfrastructureMode=local",
                    $"--ComplaintsPlatform:DataDir={dataDir}",
                    "--ComplaintsPlatform:PostgresPort=0",
                    "--ComplaintsPlatform:RedisPort=0",
                    "--ComplaintsPlatform:GatewayHttpPort=0",
                    "--ComplaintsPlatform:GatewayGrpcPort=0",
                    "--ComplaintsPlatform:RateLimitExempt=sub:bench",
                ],
                (options, _) =>
                {
                    options.DisableDashboard = true;
                    options.AllowUnsecuredTransport = true;
                });
            builder.Services.AddLogging(logging =>
            {
                logging.ClearProviders();
                logging.AddProvider(new FileLogs(logFile));
            });
            return await builder.BuildAsync();
        }
        finally
        {
            Console.SetOut(console);
        }
    }

    public static void DeleteDataFolder(string dataDir)
    {
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}
