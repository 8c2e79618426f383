using System.Text.RegularExpressions;
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
    private static readonly Regex Identifier = new(@"\b[a-z0-9]+(?:-[a-z0-9]+)+\b", RegexOptions.CultureInvariant);

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

    /// <summary>
    /// The directory if CaseWorkflow answers; otherwise none, and names show as ids: for pages whose
    /// own records come from elsewhere and must not fail for want of names.
    /// </summary>
    public async Task TryLoadAsync(CallOptions call)
    {
        try
        {
            await LoadAsync(call);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.PermissionDenied)
        {
            Configuration = new();
        }
    }

    /// <summary>After this web changed the configuration itself: the next page, on any replica, reads it afresh.</summary>
    public void Forget() => caches.Forget();

    /// <summary>
    /// The council's time zone from its settings, in which staff read every instant; the settings'
    /// own default (Europe/London) on a page that has not loaded the directory.
    /// </summary>
    public TimeZoneInfo Zone =>
        Configuration.Council?.TimeZone is { Length: > 0 } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? zone
            : TimeZoneInfo.FindSystemTimeZoneById(DefaultZone);

    private const string DefaultZone = "Europe/London";

    /// <summary>An instant as staff read it: a day and a time in the council's time zone.</summary>
    public string Instant(Google.Protobuf.WellKnownTypes.Timestamp? at) => CaseText.Instant(at, Zone);

    public string Officer(string id) => id.Length == 0 ? "" : OfficerName(id) ?? SystemActor(id) ?? id;

    // What the services record as the actor when no person acted.
    private static string? SystemActor(string id) => id switch
    {
        "deadline-watcher" => "the deadline watch",
        "system" => "the system",
        "intake" => "triage",
        _ => null,
    };

    /// <summary>
    /// A summary the services recorded, as staff read it: its dates written out, and the officers,
    /// teams and service areas it names by id named as people know them.
    /// </summary>
    public string Readable(string summary) => CaseText.DatesWrittenOut(Identifier.Replace(summary, m => Name(m.Value) ?? m.Value));

    private string? Name(string id) => OfficerName(id) ?? ServiceAreaName(id) ?? TeamName(id);

    private string? OfficerName(string id) => Configuration.Officers.FirstOrDefault(o => o.Id == id)?.Name;

    private string? ServiceAreaName(string id) => Configuration.Directorates.SelectMany(d => d.ServiceAreas).FirstOrDefault(a => a.Id == id)?.Name;

    private string? TeamName(string id) =>
        Configuration.Directorates.SelectMany(d => d.ServiceAreas).SelectMany(a => a.Teams).FirstOrDefault(t => t.Id == id)?.Name;

    public string ServiceArea(string id) => ServiceAreaName(id) ?? id;

    public string Team(string id) => TeamName(id) ?? id;

    public string ListLabel(string list, string code) =>
        Configuration.Lists.FirstOrDefault(l => l.Name == list)?.Items.FirstOrDefault(i => i.Code == code)?.Label ?? code;

    public IReadOnlyList<Choice> List(string list) =>
        Configuration.Lists.FirstOrDefault(l => l.Name == list)?.Items.Where(i => !i.Retired).Select(i => new Choice(i.Code, i.Label)).ToList() ?? [];

    /// <summary>Service areas to choose for new work: retired ones are left out, unless a search for old cases asks for them.</summary>
    public IReadOnlyList<ChoiceGroup> ServiceAreas(bool withRetired = false) =>
        Configuration.Directorates.Where(d => withRetired || !d.Retired)
            .Select(d => new ChoiceGroup(d.Name, d.ServiceAreas.Where(a => withRetired || !a.Retired)
                .Select(a => new Choice(a.Id, a.Retired || d.Retired ? $"{a.Name} (retired)" : a.Name)).ToList()))
            .Where(g => g.Choices.Count > 0).ToList();

    /// <summary>Teams in use, for allocation and new staff accounts.</summary>
    public IReadOnlyList<ChoiceGroup> Teams() =>
        Configuration.Directorates.Where(d => !d.Retired).SelectMany(d => d.ServiceAreas).Where(a => !a.Retired)
            .Select(a => new ChoiceGroup(a.Name, a.Teams.Where(t => !t.Retired).Select(t => new Choice(t.Id, t.Name)).ToList()))
            .Where(g => g.Choices.Count > 0).ToList();

    public IReadOnlyList<ChoiceGroup> Officers() =>
        [new ChoiceGroup("Officers", Configuration.Officers.OrderBy(o => o.Name).Select(o => new Choice(o.Id, o.Name)).ToList())];
}
