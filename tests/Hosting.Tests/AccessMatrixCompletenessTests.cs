using ComplaintsPlatform.TestInfrastructure;
using Xunit;

namespace ComplaintsPlatform.Hosting.Tests;

/// <summary>No RPC ships unclassified: the access matrix has a row for each, and the docs publish exactly the matrix.</summary>
public sealed class AccessMatrixCompletenessTests
{
    private static readonly string[] s_feedHosts = ["intake", "caseworkflow", "ombudsman", "compliments"];

    [Fact]
    public void Every_rpc_the_contracts_declare_has_a_row_and_every_row_names_a_real_rpc()
    {
        var rows = AccessMatrix.Load();
        var declared = ContractServices.All.SelectMany(s => s.Methods).Select(m => $"{m.Service.FullName}/{m.Name}").ToHashSet();

        Assert.Empty(declared.Where(rpc => !rows.Any(r => r.Rpc == rpc)).Order());
        Assert.Empty(rows.Where(r => !declared.Contains(r.Rpc)).Select(r => r.Rpc));
        Assert.Empty(rows.GroupBy(r => (r.ServedBy, r.Rpc)).Where(g => g.Count() > 1).Select(g => g.Key));
        // Each service's feed is its own row: who may read it differs from feed to feed.
        foreach (var method in ContractServices.All.Single(s => s.FullName == "complaints.common.v1.EventFeed").Methods)
        {
            Assert.Equal(s_feedHosts.Order(), rows.Where(r => r.Service == method.Service.FullName && r.Method == method.Name).Select(r => r.ServedBy).Order());
        }
    }

    [Fact]
    public void The_published_matrix_is_the_csv()
    {
        var path = Path.Combine(AccessMatrix.RepositoryRoot(), "docs", "access-matrix.md");
        var expected = AccessMatrix.Markdown(AccessMatrix.Load());
        if (Environment.GetEnvironmentVariable("ACCESS_MATRIX_WRITE") == "1")
        {
            File.WriteAllText(path, expected);
        }
        Assert.True(File.Exists(path) && File.ReadAllText(path) == expected,
            "docs/access-matrix.md differs from tests/AccessMatrix/access-matrix.csv: run this test with ACCESS_MATRIX_WRITE=1 to regenerate it.");
    }
}
