using ComplaintsPlatform.Identity.Data;
using ComplaintsPlatform.TestInfrastructure;
using Xunit;

namespace ComplaintsPlatform.Identity.Tests;

public sealed class SchemaTests
{
    [Fact]
    public Task Migrations_build_the_committed_schema_and_leave_no_model_change_unmigrated() =>
        SchemaSnapshot.AssertMigrationsBuildTheSnapshotAsync<IdentityDbContext>(
            options => new(options), Extensions.ConnectionName, Extensions.Schema);
}
