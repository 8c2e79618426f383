using ComplaintsPlatform.Intake.V1;
using Microsoft.Extensions.Caching.Memory;

namespace ComplaintsPlatform.Web.Infrastructure;

/// <summary>
/// The council's name, its services and the attachment limits, as Intake has them (anonymously).
/// Held for a minute: every page's header shows the name.
/// </summary>
public sealed class CouncilForm(PublicIntake.PublicIntakeClient intake, IMemoryCache cache, ILogger<CouncilForm> logger)
{
    private static readonly TimeSpan HoldFor = TimeSpan.FromMinutes(1);

    public async Task<PublicForm> GetAsync(CancellationToken ct)
    {
        if (cache.TryGetValue<PublicForm>(ConfigurationCaches.PublicFormKey, out var form) && form is not null)
        {
            return form;
        }
        form = await intake.GetPublicFormAsync(new GetPublicFormRequest(), cancellationToken: ct);
        // Until Intake has the council's configuration, ask again next time.
        if (form.CouncilName.Length > 0)
        {
            cache.Set(ConfigurationCaches.PublicFormKey, form, HoldFor);
        }
        return form;
    }

    /// <summary>For the header: the name, or a plain fallback while Intake cannot be reached.</summary>
    public async Task<string> CouncilNameAsync(CancellationToken ct)
    {
        try
        {
            var name = (await GetAsync(ct)).CouncilName;
            return name.Length > 0 ? name : "Your council";
        }
        catch (Grpc.Core.RpcException ex)
        {
            logger.LogWarning("Council name unavailable: {Status}", ex.StatusCode);
            return "Your council";
        }
    }

    public async Task<string> ServiceNameAsync(string serviceAreaId, CancellationToken ct) =>
        (await GetAsync(ct)).Directorates.SelectMany(d => d.ServiceAreas).FirstOrDefault(a => a.Id == serviceAreaId)?.Name ?? serviceAreaId;
}
