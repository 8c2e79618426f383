using ComplaintsPlatform.Common.V1;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintsPlatform.Import;

/// <summary>
/// Works one job's kept file through the same per-row code as the kind's streaming import call, in a
/// scope of its own: <paramref name="file"/> reads as that call's chunks, <paramref name="startedBy"/>
/// stands for the caller, and <paramref name="progress"/> is handed to <see cref="ImportRun"/>.
/// </summary>
public delegate Task<ImportReport> ImportJobWork(IServiceProvider services, IAsyncStreamReader<ImportChunk> file, string startedBy, JobProgress progress, CancellationToken ct);

/// <summary>A kind of history a service imports as a job ("cases", "case_actions", ...), and how it is worked.</summary>
public sealed record ImportJobKind(string Name, ImportJobWork Work);

public static class ImportJobServices
{
    /// <summary>
    /// The background worker of a service's import_jobs table (<see cref="ImportJobMapping.AddImportJobs"/>)
    /// for the kinds given; a service registers every kind it imports as a job here, once.
    /// </summary>
    public static IServiceCollection AddImportJobs<TDb>(this IServiceCollection services, params ImportJobKind[] kinds) where TDb : DbContext
    {
        services.AddSingleton(new ImportJobKinds(kinds));
        services.AddSingleton<ImportJobRunner<TDb>>();
        services.AddHostedService(sp => sp.GetRequiredService<ImportJobRunner<TDb>>());
        return services;
    }
}

/// <summary>The kinds one service works, by name.</summary>
public sealed class ImportJobKinds(IEnumerable<ImportJobKind> kinds)
{
    private readonly Dictionary<string, ImportJobKind> _byName = kinds.ToDictionary(k => k.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => _byName.Keys;

    public ImportJobKind this[string name] => _byName[name];
}
