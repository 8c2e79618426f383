using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Web.Components;
using ComplaintsPlatform.Web.Infrastructure;
using Grpc.Core;
using Microsoft.Extensions.Caching.Memory;

namespace ComplaintsPlatform.Web.Staff;

/// <summary>
/// The council's directory as CaseWorkflow has it (officers, teams, service areas, configured lists),
/// asked with the officer's token and held for a minute: pages show names, never ids alone.
/// </summary>
public sealed class StaffDirectory(CouncilDirectory.CouncilDirectoryClient directory, IMemoryCache cache, ConfigurationCaches caches)
{
    private static readonly TimeSpan HoldFor = TimeSpan.FromMinutes(1);

    public CouncilConfiguration Configuration { get; private set; } = new();

    public async Task<StaffDirectory> LoadAsync(CallOptions call)
    {
        if (!cache.TryGetValue<CouncilConfiguration>(ConfigurationCaches.StaffDirectoryKey, out var configuration) || configuration is null)
        {
            configuration = await directory.GetConfigurationAsync(new GetConfigurationRequest(), call);
            cache.Set(ConfigurationCaches.StaffDirectoryKey, configuration, HoldFor);
        }
        Configuration = configuration;
        return this;
    }

    /// <summary>After this web changed the configuration itself: the next page, on any replica, reads it afresh.</summary>
    public void Forget() => caches.Forget();

    public string Officer(string id) => id.Length == 0 ? "" : Configuration.Officers.FirstOrDefault(o => o.Id == id)?.Name ?? id;

    public string ServiceArea(string id) =>
        Configuration.Directorates.SelectMany(d => d.ServiceAreas).FirstOrDefault(a => a.Id == id)?.Name ?? id;

    public string Team(string id) =>
        Configuration.Directorates.SelectMany(d => d.ServiceAreas).SelectMany(a => a.Teams).FirstOrDefault(t => t.Id == id)?.Name ?? id;

    public string ListLabel(string list, string code) =>
        Configuration.Lists.FirstOrDefault(l => l.Name == list)?.Items.FirstOrDefault(i => i.Code == code)?.Label ?? code;

    public IReadOnlyList<Choice> List(string list) =>
        Configuration.Lists.FirstOrDefault(l => l.Name == list)?.Items.Where(i => !i.Retired).Select(i => new Choice(i.Code, i.Label)).ToList() ?? [];

    public IReadOnlyList<ChoiceGroup> ServiceAreas() =>
        Configuration.Directorates.Select(d => new ChoiceGroup(d.Name, d.ServiceAreas.Select(a => new Choice(a.Id, a.Name)).ToList())).ToList();

    public IReadOnlyList<ChoiceGroup> Teams() =>
        Configuration.Directorates.SelectMany(d => d.ServiceAreas)
            .Select(a => new ChoiceGroup(a.Name, a.Teams.Select(t => new Choice(t.Id, t.Name)).ToList())).ToList();

    public IReadOnlyList<ChoiceGroup> Officers() =>
        [new ChoiceGroup("Officers", Configuration.Officers.OrderBy(o => o.Name).Select(o => new Choice(o.Id, o.Name)).ToList())];
}
