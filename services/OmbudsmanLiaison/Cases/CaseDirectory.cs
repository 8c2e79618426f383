using ComplaintsPlatform.CaseWorkflow.V1;
using Grpc.Core;
using Grpc.Net.ClientFactory;

namespace ComplaintsPlatform.OmbudsmanLiaison.Cases;

public sealed record CouncilCase(string CaseId, string Reference, string DirectorateId);

/// <summary>The council's cases as CaseWorkflow knows them: a seam, because CaseWorkflow is another service.</summary>
public interface ICaseDirectory
{
    /// <summary>The case with this reference, or null when CaseWorkflow has none.</summary>
    Task<CouncilCase?> FindAsync(string reference, CancellationToken ct);
}

/// <summary>Asks CaseWorkflow's <c>CaseLookup</c> as this service's principal. Unreachable becomes UNAVAILABLE for the caller.</summary>
public sealed class GrpcCaseDirectory(GrpcClientFactory clients) : ICaseDirectory
{
    public const string ClientName = "case-lookup";

    public async Task<CouncilCase?> FindAsync(string reference, CancellationToken ct)
    {
        var client = clients.CreateClient<CaseLookup.CaseLookupClient>(ClientName);
        try
        {
            var found = await client.FindCaseAsync(new FindCaseRequest { Reference = reference },
                deadline: DateTime.UtcNow.AddSeconds(10), cancellationToken: ct);
            return new CouncilCase(found.CaseId, found.Reference, found.DirectorateId);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal
            or StatusCode.Unknown or StatusCode.Unauthenticated or StatusCode.PermissionDenied)
        {
            // The enquiry cannot be checked now; nothing is recorded and the caller may retry.
            throw new RpcException(new Status(StatusCode.Unavailable, "CaseWorkflow could not be asked about the case; retry later."));
        }
    }
}
