using ComplaintsPlatform.CaseWorkflow.Domain.Directory;
using ComplaintsPlatform.CaseWorkflow.V1;
using Xunit;

namespace ComplaintsPlatform.CaseWorkflow.Tests;

/// <summary>The organisation change rules without a database: what counts as removed or moved, and when it is refused.</summary>
public sealed class OrganisationChangesRulesTests
{
    private static CouncilConfiguration Organisation() => new()
    {
        Directorates =
        {
            new Directorate
            {
                Id = "env", Name = "Environment",
                ServiceAreas =
                {
                    new ServiceArea { Id = "waste", Name = "Waste", Teams = { new Team { Id = "waste-north", Name = "Waste North" } } },
                    new ServiceArea { Id = "parks", Name = "Parks" },
                },
            },
            new Directorate { Id = "corp", Name = "Corporate", Retired = true, ServiceAreas = { new ServiceArea { Id = "tax", Name = "Council Tax" } } },
        },
    };

    [Fact]
    public void Removing_a_service_area_is_one_removal_its_teams_go_with_it()
    {
        var after = Organisation();
        after.Directorates[0].ServiceAreas.RemoveAt(0);

        var change = Assert.Single(OrganisationChanges.RemovedOrMoved(Organisation(), after));

        Assert.True(change.Removed);
        Assert.Equal(("waste", UnitKind.ServiceArea), (change.Before.Id, change.Before.Kind));
    }

    [Fact]
    public void A_rename_or_a_retirement_is_neither_a_removal_nor_a_move()
    {
        var after = Organisation();
        after.Directorates[0].ServiceAreas[0].Name = "Waste and Recycling";
        after.Directorates[0].ServiceAreas[1].Retired = true;

        Assert.Empty(OrganisationChanges.RemovedOrMoved(Organisation(), after));
    }

    [Fact]
    public void A_unit_under_a_retired_parent_counts_as_retired()
    {
        var units = OrganisationChanges.Units(Organisation());

        Assert.True(units["tax"].Retired);
        Assert.False(units["waste-north"].Retired);
    }

    [Fact]
    public void A_move_is_refused_only_when_cases_or_time_records_place_the_unit_and_a_removal_when_anything_refers_to_it()
    {
        var after = Organisation();
        var parks = after.Directorates[0].ServiceAreas[1];
        after.Directorates[0].ServiceAreas.Remove(parks);
        after.Directorates[1].ServiceAreas.Add(parks);
        var move = Assert.Single(OrganisationChanges.RemovedOrMoved(Organisation(), after));

        Assert.Null(OrganisationChanges.Refusal(move, new UnitUsage(0, 0, 3, 2)));
        Assert.Contains("cannot be moved: 1 case, 4 time records", OrganisationChanges.Refusal(move, new UnitUsage(1, 4, 0, 0)));

        var removal = new OrganisationChanges.Change(move.Before, null);
        Assert.Null(OrganisationChanges.Refusal(removal, new UnitUsage(0, 0, 0, 0)));
        Assert.StartsWith("The service area 'Parks' cannot be removed: 2 officers refer to it. Retire it instead",
            OrganisationChanges.Refusal(removal, new UnitUsage(0, 0, 0, 2)));
    }

    [Fact]
    public void An_id_keeps_its_kind()
    {
        var after = Organisation();
        after.Directorates[0].ServiceAreas.RemoveAt(1);
        after.Directorates.Add(new Directorate { Id = "parks", Name = "Parks" });

        var change = Assert.Single(OrganisationChanges.RemovedOrMoved(Organisation(), after));

        Assert.Contains("cannot become a directorate", OrganisationChanges.Refusal(change, new UnitUsage(0, 0, 0, 0)));
    }
}
