using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.TestInfrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Xunit;
using Date = Google.Type.Date;

namespace ComplaintsPlatform.CaseWorkflow.Tests.Cases;

/// <summary>One CaseWorkflow host (and database) shared by a class's journeys; each journey works on its own cases.</summary>
public sealed class CaseHostFixture : IAsyncLifetime
{
    public CaseWorkflowHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await CaseWorkflowHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();

    public V1.Cases.CasesClient Team => As(Roles.ComplaintsTeam, "officer-cpt-01", "customer-services-team");

    public V1.Cases.CasesClient Handler(string officer, string team) => As(Roles.Handler, officer, team);

    public V1.Cases.CasesClient As(string role, string subject = "officer-1", string? team = null, string? directorate = null) =>
        new(Host.CreateChannel(TestIdentity.Token(role, subject, team, directorate)));

    public static Date D(int month, int day, int year = 2025) => new() { Year = year, Month = month, Day = day };

    /// <summary>Received 10:00 on Monday 3 March 2025 unless said otherwise.</summary>
    public async Task<V1.Case> OpenAsync(ComplaintStream stream, string serviceArea, DateTimeOffset? receivedAt = null) =>
        await Team.OpenCaseAsync(new OpenCaseRequest
        {
            Stream = stream,
            ServiceAreaId = serviceArea,
            ReceivedAt = Timestamp.FromDateTimeOffset(receivedAt ?? new DateTimeOffset(2025, 3, 3, 10, 0, 0, TimeSpan.Zero)),
            PersonId = "person-" + Guid.NewGuid().ToString("N")[..8],
        });

    /// <summary>Acknowledged on 5 March (back-dated: the person is written to only when <paramref name="notifyPerson"/> says so), one issue, allocated to the handler.</summary>
    public async Task<V1.Case> ReadyAsync(ComplaintStream stream, string serviceArea, string team, string handler, bool? notifyPerson = null)
    {
        var c = await OpenAsync(stream, serviceArea);
        var acknowledge = new AcknowledgeRequest
        {
            CaseId = c.Id, About = "The repair was not done", OutcomeSought = "Do the repair", OccurredOn = D(3, 5), MatterHappenedOn = D(2, 14),
        };
        if (notifyPerson is { } notify)
        {
            acknowledge.NotifyPerson = notify;
        }
        await Team.AcknowledgeAsync(acknowledge);
        await Team.DefineIssueAsync(new DefineIssueRequest { CaseId = c.Id, Summary = "Delay", OccurredOn = D(3, 5) });
        return await Team.AllocateAsync(new AllocateRequest
        {
            CaseId = c.Id, ServiceAreaId = serviceArea, TeamId = team, HandlerId = handler, OccurredOn = D(3, 6),
        });
    }

    public static async Task<RpcException> Refused(StatusCode code, Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, ex.StatusCode);
        return ex;
    }
}
