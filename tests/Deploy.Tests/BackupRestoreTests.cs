extern alias caseworkflow;
extern alias reporting;

using System.Diagnostics;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Reporting.V1;
using ComplaintsPlatform.TestInfrastructure;
using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using CaseWorkflowProgram = caseworkflow::Program;
using ReportingProgram = reporting::Program;

namespace ComplaintsPlatform.Deploy.Tests;

/// <summary>scripts/backup.sh and scripts/restore.sh, end to end, with the services in-process.</summary>
public sealed class BackupRestoreTests
{
    private const int Cases = 4;

    [Fact]
    public async Task A_backup_restored_into_a_fresh_cluster_serves_the_same_cases_and_reports()
    {
        var infra = await Infrastructure.GetAsync();
        var source = await infra.Postgres.CreateDatabaseAsync();
        var backups = Directory.CreateTempSubdirectory("cp-backup-").FullName;
        try
        {
            // Cases opened in CaseWorkflow, counted by Reporting from CaseWorkflow's own feed.
            List<CaseWorkflow.V1.Case> cases;
            ReportTable report;
            await using (var caseWorkflow = CaseWorkflowHost(source, infra.Redis))
            await using (var reportingHost = await ReportingHost.StartAsync(source, infra.Redis, caseWorkflow))
            {
                var team = CasesClient(caseWorkflow);
                var ids = new List<string>();
                for (var i = 0; i < Cases; i++)
                {
                    ids.Add((await team.OpenCaseAsync(new OpenCaseRequest
                    {
                        Stream = ComplaintStream.Corporate,
                        ServiceAreaId = "libraries",
                        ReceivedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2025, 6, 2 + i, 10, 0, 0, TimeSpan.Zero)),
                        PersonId = $"person-{i}",
                    })).Id);
                }
                cases = await GetAllAsync(team, ids);
                report = null!;
                await Eventually.TrueAsync(async () =>
                {
                    report = await reportingHost.Client.GetReportAsync(ComplaintsReport());
                    return report.Total.Cells.Count > 0 && (long)report.Total.Cells[0].Value == Cases;
                }, "Reporting counts every case opened", TimeSpan.FromSeconds(60));
            }

            var file = (await RunAsync("backup.sh", Admin(infra.Postgres, source.Name), backups)).Trim();
            Assert.True(File.Exists(file), $"backup.sh wrote no file: {file}");

            // A fresh cluster, provisioned as the AppHost or the Kubernetes job does, then restored.
            await using var fresh = await TestPostgres.StartAsync();
            var target = await fresh.ProvisionAgainAsync("complaints");
            await RunAsync("restore.sh", Admin(fresh, "complaints"), file);

            // A Redis of its own, so nothing is answered from what the first services cached.
            using var redis = await TestRedis.StartAsync();
            await using var restoredCaseWorkflow = CaseWorkflowHost(target, redis);
            await using var restoredReporting = await ReportingHost.StartAsync(target, redis, restoredCaseWorkflow);
            var restoredCases = await GetAllAsync(CasesClient(restoredCaseWorkflow), cases.Select(c => c.Id));
            Assert.Equal(cases, restoredCases);
            var restoredReport = await restoredReporting.Client.GetReportAsync(ComplaintsReport());
            report.AsOf = null;
            restoredReport.AsOf = null;
            Assert.Equal(report, restoredReport);
            Assert.Equal(Cases, (long)restoredReport.Total.Cells[0].Value);
        }
        finally
        {
            Directory.Delete(backups, recursive: true);
        }
    }

    [Fact]
    public async Task Restore_refuses_a_file_that_is_not_a_backup_and_changes_nothing()
    {
        var infra = await Infrastructure.GetAsync();
        var database = await infra.Postgres.CreateDatabaseAsync();
        await using (var conn = new NpgsqlConnection(database.ConnectionStrings["reporting-db"]))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("CREATE TABLE kept (id int)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var bogus = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(bogus, "not a dump");

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync("restore.sh", Admin(infra.Postgres, database.Name), bogus));

            Assert.Contains("restore.sh exited", error.Message);
            await using var check = new NpgsqlConnection(database.ConnectionStrings["reporting-db"]);
            await check.OpenAsync();
            await using var exists = new NpgsqlCommand("SELECT to_regclass('reporting.kept') IS NOT NULL", check);
            Assert.True((bool)(await exists.ExecuteScalarAsync())!);
        }
        finally
        {
            File.Delete(bogus);
        }
    }

    private static ReportRequest ComplaintsReport() => new()
    {
        Report = ReportKind.Complaints,
        Period = new Reporting.V1.Period { Kind = PeriodKind.FinancialYear, Year = 2025 },
        Basis = Basis.Received,
        Grouping = Grouping.ServiceArea,
    };

    private static ServiceFactory<CaseWorkflowProgram> CaseWorkflowHost(TestDatabase database, TestRedis redis)
    {
        var host = new ServiceFactory<CaseWorkflowProgram>(database, redis);
        host.Settings["Reminders:Enabled"] = "false";
        _ = host.Server;
        return host;
    }

    private static CaseWorkflow.V1.Cases.CasesClient CasesClient(ServiceFactory<CaseWorkflowProgram> host) =>
        new(host.CreateChannel(TestIdentity.Token(Roles.ComplaintsTeam, "officer-cpt-01", "customer-services-team")));

    private static async Task<List<CaseWorkflow.V1.Case>> GetAllAsync(CaseWorkflow.V1.Cases.CasesClient client, IEnumerable<string> ids)
    {
        var cases = new List<CaseWorkflow.V1.Case>();
        foreach (var id in ids)
        {
            cases.Add(await client.GetCaseAsync(new GetCaseRequest { CaseId = id }));
        }
        return cases;
    }

    private static Dictionary<string, string> Admin(TestPostgres cluster, string database)
    {
        var admin = new NpgsqlConnectionStringBuilder(cluster.AdminConnectionString());
        return new Dictionary<string, string>
        {
            ["PGHOST"] = admin.Host!,
            ["PGPORT"] = admin.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PGUSER"] = admin.Username!,
            ["PGPASSWORD"] = admin.Password!,
            ["PGDATABASE"] = database,
        };
    }

    private static async Task<string> RunAsync(string script, Dictionary<string, string> environment, string argument)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Repository.Path("scripts", script));
        start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode == 0
            ? await stdout
            : throw new InvalidOperationException($"{script} exited {process.ExitCode}: {await stderr}");
    }

    /// <summary>Reporting following CaseWorkflow's real feed (the other three sources are empty).</summary>
    private sealed class ReportingHost(TestDatabase database, TestRedis redis, ServiceFactory<CaseWorkflowProgram> caseWorkflow)
        : ServiceFactory<ReportingProgram>(database, redis)
    {
        private readonly Dictionary<string, FakeFeed> _empty = [];

        public Reporting.V1.Reporting.ReportingClient Client =>
            new(CreateChannel(TestIdentity.Token(Roles.ComplaintsTeam, "officer-1")));

        public static async Task<ReportingHost> StartAsync(TestDatabase database, TestRedis redis, ServiceFactory<CaseWorkflowProgram> caseWorkflow)
        {
            var host = new ReportingHost(database, redis, caseWorkflow);
            foreach (var source in new[] { "intake", "ombudsman", "compliments" })
            {
                host._empty[source] = await FakeFeed.StartAsync();
            }
            foreach (var source in new[] { "intake", "caseworkflow", "ombudsman", "compliments" })
            {
                host.Settings[$"Feeds:{source}:Address"] = "http://localhost";
            }
            _ = host.Server;
            return host;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.AddHttpClient("feed:caseworkflow:reporting").ConfigurePrimaryHttpMessageHandler(() => caseWorkflow.Server.CreateHandler());
                foreach (var (source, feed) in _empty)
                {
                    services.AddHttpClient($"feed:{source}:reporting").ConfigurePrimaryHttpMessageHandler(() => feed.Server.CreateHandler());
                }
            });
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            foreach (var feed in _empty.Values)
            {
                await feed.DisposeAsync();
            }
        }
    }
}
