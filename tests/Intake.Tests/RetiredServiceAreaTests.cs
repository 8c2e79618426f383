using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Intake.Tests.Support;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.TestInfrastructure;
using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace ComplaintsPlatform.Intake.Tests;

/// <summary>A service area CaseWorkflow retires or renames reaches the public form through its configuration event.</summary>
public sealed class RetiredServiceAreaTests : IAsyncLifetime
{
    private IntakeHost _host = null!;

    public async Task InitializeAsync() => _host = await IntakeHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_retired_service_area_is_not_offered_on_the_public_form_or_taken_by_Submit_and_a_renamed_one_shows_its_new_name()
    {
        var config = (CouncilConfigurationChanged)SyntheticCaseWorkflowFeed.DefaultConfiguration().OfType<CouncilConfigurationChanged>().Single().Clone();
        config.Version = 2;
        config.Directorates[0].ServiceAreas.Single(a => a.Id == "waste").Retired = true;
        config.Directorates[0].ServiceAreas.Single(a => a.Id == "highways").Name = "Roads and Pavements";
        _host.Feed.Publish(config);

        var client = new PublicIntake.PublicIntakeClient(_host.CreateChannel());
        PublicForm? form = null;
        await Eventually.TrueAsync(async () =>
        {
            form = await client.GetPublicFormAsync(new GetPublicFormRequest());
            return form.Directorates.SelectMany(d => d.ServiceAreas).Any(a => a.Name == "Roads and Pavements");
        }, "Intake applied configuration version 2");

        Assert.Equal(["highways"], form!.Directorates.SelectMany(d => d.ServiceAreas).Select(a => a.Id));
        var request = Requests.Public();
        request.ServiceAreaId = "waste";
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await client.ValidateSubmissionAsync(request));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("service_area_id", ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field));
    }
}
