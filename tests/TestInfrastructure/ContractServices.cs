using System.Reflection;
using Google.Protobuf.Reflection;

namespace ComplaintsPlatform.TestInfrastructure;

/// <summary>Every gRPC service and method the contracts declare, read from the generated file descriptors.</summary>
public static class ContractServices
{
    /// <summary>Services the platform's own services call; never routed at the edge, never called by people.</summary>
    public static readonly IReadOnlySet<string> Internal = new HashSet<string>(StringComparer.Ordinal)
    {
        "complaints.caseworkflow.v1.CaseInternal",
        "complaints.caseworkflow.v1.CaseLookup",
        "complaints.caseworkflow.v1.PersonRequests",
        "complaints.caseworkflow.v1.PersonData",
        "complaints.ombudsman.v1.PersonData",
        "complaints.compliments.v1.PersonData",
        "complaints.common.v1.EventFeed",
    };

    public static IReadOnlyList<ServiceDescriptor> All { get; } = Load();

    public static IEnumerable<ServiceDescriptor> Public => All.Where(s => !Internal.Contains(s.FullName));

    private static List<ServiceDescriptor> Load()
    {
        var contracts = typeof(Common.V1.EventFeed).Assembly;
        return contracts.GetTypes()
            .Where(t => t.IsClass && t.IsAbstract && t.IsSealed && t.Name.EndsWith("Reflection", StringComparison.Ordinal))
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
            .OfType<FileDescriptor>()
            .Where(f => f.Package.StartsWith("complaints.", StringComparison.Ordinal))
            .SelectMany(f => f.Services)
            .OrderBy(s => s.FullName, StringComparer.Ordinal)
            .ToList();
    }
}
