using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Compliments.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.TestInfrastructure;
using Grpc.Core;
using Date = Google.Type.Date;

namespace ComplaintsPlatform.Compliments.Tests;

/// <summary>The test council: two directorates, three service areas, four officers.</summary>
public static class Council
{
    public const string EnvironmentTransport = "environment-transport";
    public const string Corporate = "corporate-resources";
    public const string Highways = "highways";
    public const string HighwaysNorth = "highways-north";
    public const string Waste = "waste";
    public const string WasteCollection = "waste-collection";
    public const string Libraries = "libraries";
    public const string LibrariesCentral = "libraries-central";

    public static readonly CouncilConfigurationChanged Configuration = new()
    {
        Version = 1,
        Council = new CouncilSettings { Name = "Test County", TimeZone = "Europe/London" },
        Directorates =
        {
            new Directorate
            {
                Id = EnvironmentTransport,
                ServiceAreas =
                {
                    new ServiceArea { Id = Highways, Teams = { new Team { Id = HighwaysNorth } } },
                    new ServiceArea { Id = Waste, Teams = { new Team { Id = WasteCollection } } },
                },
            },
            new Directorate
            {
                Id = Corporate,
                ServiceAreas = { new ServiceArea { Id = Libraries, Teams = { new Team { Id = LibrariesCentral } } } },
            },
        },
        Officers =
        {
            new OfficerTeams { Id = "officer-highways", TeamIds = { HighwaysNorth } },
            new OfficerTeams { Id = "officer-libraries", TeamIds = { LibrariesCentral } },
            new OfficerTeams { Id = "staff-recorder", TeamIds = { WasteCollection } },
            new OfficerTeams { Id = "team-officer" },
        },
    };

    public static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    public static RecordComplimentRequest FromThePublic(
        string serviceArea = Highways, string team = HighwaysNorth, string officer = "", Date? receivedOn = null) => new()
    {
        ServiceAreaId = serviceArea,
        TeamId = team,
        OfficerId = officer,
        Channel = Channel.Email,
        ReceivedOn = receivedOn ?? Day(2025, 5, 12),
        Words = "The pothole outside my house was fixed the day after I reported it. Thank you!",
        Giver = Giver.MemberOfPublic,
    };

    public static V1.Compliments.ComplimentsClient Client(this ComplimentsHost host, string role, string subject = "team-officer", string? directorate = null) =>
        new(host.CreateChannel(TestIdentity.Token(role, subject, directorate: directorate)));

    public static V1.Compliments.ComplimentsClient Team(this ComplimentsHost host) => host.Client(Roles.ComplaintsTeam);

    public static async Task<StatusCode> StatusOf(Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(call);
        return ex.StatusCode;
    }
}
