using ComplaintsPlatform.CaseWorkflow.V1;

namespace ComplaintsPlatform.Reporting.Tests;

/// <summary>The test council: two directorates, three service areas, one team each; 735,000 people.</summary>
public static class Council
{
    public const string Environment = "environment";
    public const string Corporate = "corporate";
    public const string Highways = "highways";
    public const string Waste = "waste";
    public const string Libraries = "libraries";
    public const long Population = 735_000;

    public static readonly (string Area, string Team, string Directorate)[] Areas =
    [
        (Highways, "highways-north", Environment),
        (Waste, "waste-collection", Environment),
        (Libraries, "libraries-central", Corporate),
    ];

    public static readonly CouncilConfigurationChanged Configuration = new()
    {
        Version = 1,
        Council = new CouncilSettings { Name = "Test County", TimeZone = "Europe/London", Type = CouncilType.County, Population = Population },
        Directorates =
        {
            new Directorate
            {
                Id = Environment,
                Name = "Environment & Transport",
                ServiceAreas =
                {
                    new ServiceArea { Id = Highways, Name = "Highways", Teams = { new Team { Id = "highways-north", Name = "Highways North" } } },
                    new ServiceArea { Id = Waste, Name = "Waste", Teams = { new Team { Id = "waste-collection", Name = "Waste Collection" } } },
                },
            },
            new Directorate
            {
                Id = Corporate,
                Name = "Corporate Resources",
                ServiceAreas = { new ServiceArea { Id = Libraries, Name = "Libraries", Teams = { new Team { Id = "libraries-central", Name = "Libraries Central" } } } },
            },
        },
        Lists =
        {
            new ConfigList { Name = "nature_categories", Items = { new ListItem { Code = "delay", Label = "Delay" }, new ListItem { Code = "communication", Label = "Poor communication" } } },
            new ConfigList { Name = "remedy_types", Items = { new ListItem { Code = "apology", Label = "Apology" }, new ListItem { Code = "financial", Label = "Financial" } } },
        },
    };
}
