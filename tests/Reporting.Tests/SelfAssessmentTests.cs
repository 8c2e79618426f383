using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Reporting.Data;
using ComplaintsPlatform.Reporting.Domain;
using ComplaintsPlatform.Reporting.V1;
using ComplaintsPlatform.TestInfrastructure;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Reporting.Tests;

[Collection(DocumentsCollection.Name)]
public sealed class SelfAssessmentTests(DocumentsFixture fixture)
{
    [Fact]
    public async Task A_policy_that_does_not_conform_to_the_Code_is_marked_as_not_complying_whatever_the_assessment_says()
    {
        var team = fixture.Documents();
        await team.UpdateSelfAssessmentEntryAsync(new UpdateSelfAssessmentEntryRequest { Year = 2025, Paragraph = "6.4", Status = ComplianceStatus.Complies, Evidence = "Policy section 4" });
        var register = await team.GetSelfAssessmentAsync(new GetSelfAssessmentRequest { Year = 2025 });

        var extension = register.Items.Single(i => i.Paragraph == "6.4");
        Assert.Equal((ComplianceStatus.DoesNotComply, ComplianceStatus.Complies, true), (extension.Status, extension.AssessedStatus, extension.MarkedByConformanceCheck));
        Assert.Contains(extension.LiveEvidence, e => e.Contains("Corporate policy v2", StringComparison.Ordinal) && e.Contains(DocumentsFixture.CorporateDeviation, StringComparison.Ordinal));
        // A cited range marks every paragraph in it; a paragraph no deviation cites is only evidenced as conforming.
        Assert.Equal(ComplianceStatus.DoesNotComply, register.Items.Single(i => i.Paragraph == "6.5").Status);
        Assert.Equal(ComplianceStatus.DoesNotComply, register.Items.Single(i => i.Paragraph == "6.12").Status);
        var acknowledgement = register.Items.Single(i => i.Paragraph == "6.2");
        Assert.False(acknowledgement.MarkedByConformanceCheck);
        // The LGSCO Code's register checks the corporate policy only; the housing policy is for the Housing Ombudsman Code's.
        Assert.Contains(acknowledgement.LiveEvidence, e => e.StartsWith("Corporate policy v2 conforms", StringComparison.Ordinal));
        Assert.DoesNotContain(register.Items.SelectMany(i => i.LiveEvidence), e => e.StartsWith("Housing policy", StringComparison.Ordinal));
        Assert.Contains(acknowledgement.LiveEvidence, e => e.Contains("acknowledged on time", StringComparison.Ordinal));
        Assert.Equal(3, register.Items.Count(i => i.MarkedByConformanceCheck));
        Assert.True(register.DoesNotComply >= 3);
    }

    [Fact]
    public async Task The_register_holds_every_provision_of_every_section_of_the_Code_with_its_live_figures()
    {
        var register = await fixture.Documents().GetSelfAssessmentAsync(new GetSelfAssessmentRequest { Year = 2025 });
        Assert.Equal(Enumerable.Range(1, 9).Select(s => s.ToString()).ToArray(), register.Items.Select(i => i.Section).Distinct().ToArray());
        Assert.Equal(CodeProvisions.All.Count, register.Items.Select(i => i.Paragraph).Distinct().Count());
        Assert.True(register.Items.Count >= 70);
        // The LGSCO Code's figures are the corporate stream's (social care has its statutory reports).
        var complaints = fixture.Year.Total(ReportKind.Complaints, "complaints", Basis.Received, 2025, stream: "Corporate");
        Assert.NotEqual(complaints, fixture.Year.Total(ReportKind.Complaints, "complaints", Basis.Received, 2025));
        Assert.Contains($"{complaints} complaints received in 2025/26", register.Items.Single(i => i.Paragraph == "9.7").LiveEvidence);
    }

    [Fact]
    public async Task Scrutiny_and_service_leads_cannot_edit_the_register_and_scrutiny_does_not_see_who_assessed()
    {
        await fixture.Documents().UpdateSelfAssessmentEntryAsync(new UpdateSelfAssessmentEntryRequest { Year = 2025, Paragraph = "3.1", Status = ComplianceStatus.Partly });
        var edit = new UpdateSelfAssessmentEntryRequest { Year = 2025, Paragraph = "3.1", Status = ComplianceStatus.Complies };
        foreach (var reader in new[] { fixture.Documents("scrutiny"), fixture.Documents("service_lead", Council.Corporate) })
        {
            var denied = await Assert.ThrowsAsync<RpcException>(() => reader.UpdateSelfAssessmentEntryAsync(edit).ResponseAsync);
            Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        }
        var changes = await Assert.ThrowsAsync<RpcException>(() => fixture.Documents("scrutiny").ListSelfAssessmentChangesAsync(new ListSelfAssessmentChangesRequest { Year = 2025 }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, changes.StatusCode);
        var seen = (await fixture.Documents("scrutiny").GetSelfAssessmentAsync(new GetSelfAssessmentRequest { Year = 2025 })).Items.Single(i => i.Paragraph == "3.1");
        Assert.Equal((ComplianceStatus.Partly, ""), (seen.Status, seen.AssessedBy));

        var invalid = await Assert.ThrowsAsync<RpcException>(() => fixture.Documents().UpdateSelfAssessmentEntryAsync(new UpdateSelfAssessmentEntryRequest { Year = 2025, Paragraph = "3.1", Status = (ComplianceStatus)9 }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
        var unknown = await Assert.ThrowsAsync<RpcException>(() => fixture.Documents().UpdateSelfAssessmentEntryAsync(new UpdateSelfAssessmentEntryRequest { Year = 2025, Paragraph = "99.1" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
    }
}

/// <summary>On a host of its own: a rebuild replays every feed, and the register must come through it untouched.</summary>
public sealed class SelfAssessmentRebuildTests
{
    [Fact]
    public async Task Register_edits_are_audited_old_to_new_and_survive_a_rebuild_that_replays_the_policy_check()
    {
        await using var host = await ReportingHost.StartAsync();
        host.CaseWorkflow.Publish(DocumentsFixture.Policy(ComplaintStream.Corporate, 1, ("6.12", "Stage 2 may be considered by the Stage 1 handler.")));
        await host.CaughtUpAsync();
        var team = DocumentsFixture.Client(host, "complaints_team");
        await team.UpdateSelfAssessmentEntryAsync(new UpdateSelfAssessmentEntryRequest { Year = 2024, Paragraph = "8.1", Status = ComplianceStatus.Partly, Commentary = "Draft" });
        await team.UpdateSelfAssessmentEntryAsync(new UpdateSelfAssessmentEntryRequest { Year = 2025, Paragraph = "8.1", Status = ComplianceStatus.Partly, Commentary = "Draft" });
        await team.UpdateSelfAssessmentEntryAsync(new UpdateSelfAssessmentEntryRequest { Year = 2025, Paragraph = "8.1", Status = ComplianceStatus.Complies, Commentary = "Published in July" });

        var changes = (await team.ListSelfAssessmentChangesAsync(new ListSelfAssessmentChangesRequest { Year = 2025 })).Changes;
        Assert.Equal(
            [("status", "Unspecified", "Partly"), ("commentary", "", "Draft"), ("status", "Partly", "Complies"), ("commentary", "Draft", "Published in July")],
            changes.Select(c => (c.Field, c.OldValue, c.NewValue)).ToArray());
        Assert.All(changes, c => Assert.Equal("officer-1", c.ChangedBy));

        await host.Team.RebuildAsync(new RebuildRequest { Reason = "test" });
        await host.CaughtUpAsync();
        var register = await team.GetSelfAssessmentAsync(new GetSelfAssessmentRequest { Year = 2025 });
        var item = register.Items.Single(i => i.Paragraph == "8.1");
        Assert.Equal((ComplianceStatus.Complies, ComplianceStatus.Partly, "Published in July", "officer-1"), (item.Status, item.PreviousYearStatus, item.Commentary, item.AssessedBy));
        Assert.Equal(4, (await team.ListSelfAssessmentChangesAsync(new ListSelfAssessmentChangesRequest { Year = 2025 })).Changes.Count);
        // The conformance result is a read model: gone with the rebuild, back from the replay.
        await Eventually.TrueAsync(async () => await host.WithDbAsync(db => db.Set<PolicyConformanceRow>().AnyAsync()), "the policy check is replayed", TimeSpan.FromSeconds(60));
        register = await team.GetSelfAssessmentAsync(new GetSelfAssessmentRequest { Year = 2025 });
        Assert.Equal(ComplianceStatus.DoesNotComply, register.Items.Single(i => i.Paragraph == "6.12").Status);
    }
}
