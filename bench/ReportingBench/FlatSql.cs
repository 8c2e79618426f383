using ComplaintsPlatform.Reporting.Data;
using ComplaintsPlatform.Reporting.Reports;
using ComplaintsPlatform.Reporting.V1;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ComplaintsPlatform.Reporting.Bench;

/// <summary>The same tables as plain SQL aggregates over the flat case table (no counters), for comparison.</summary>
internal static class FlatSql
{
    private static IEnumerable<string> Queries(bool received)
    {
        string D(string column) => received ? "received_on" : column;
        string In(string column) => $"{D(column)} >= @from AND {D(column)} < @to";
        yield return "SELECT area, channel, count(*) FROM reporting.bench_cases WHERE received_on >= @prev AND received_on < @to GROUP BY 1, 2";
        yield return "SELECT area, count(*) FILTER (WHERE received_on >= @from), count(*) FILTER (WHERE received_on < @from) FROM reporting.bench_cases WHERE received_on >= @prev AND received_on < @to GROUP BY 1 ORDER BY 2 DESC";
        yield return $"""
            SELECT area, count(*) FILTER (WHERE received_on >= @from AND received_on < @to),
              count(*) FILTER (WHERE escalation_requested_on IS NOT NULL AND {In("escalation_requested_on")}),
              count(*) FILTER (WHERE escalation_accepted AND {In("escalation_decided_on")}),
              count(*) FILTER (WHERE NOT escalation_accepted AND escalation_decided_on IS NOT NULL AND {In("escalation_decided_on")})
            FROM reporting.bench_cases GROUP BY 1
            """;
        yield return $"""
            SELECT area, 1, finding, count(*) FROM reporting.bench_cases WHERE responded_on IS NOT NULL AND {In("responded_on")} GROUP BY 1, 2, 3
            UNION ALL SELECT area, 2, 3, count(*) FROM reporting.bench_cases WHERE stage2_responded_on IS NOT NULL AND {In("stage2_responded_on")} GROUP BY 1
            UNION ALL SELECT area, 1, 0, count(*) FROM reporting.bench_cases WHERE ending = 2 AND {(received ? In("received_on") : "received_on + 5 >= @from AND received_on + 5 < @to")} GROUP BY 1
            """;
        yield return $"""
            SELECT area, count(*) FILTER (WHERE {In("ack_on")}), count(*) FILTER (WHERE ack_on_time AND {In("ack_on")}),
              count(*) FILTER (WHERE responded_on IS NOT NULL AND {In("responded_on")}),
              count(*) FILTER (WHERE within_original AND {In("responded_on")}),
              count(*) FILTER (WHERE within_extended AND NOT within_original AND {In("responded_on")}),
              count(*) FILTER (WHERE responded_on IS NOT NULL AND NOT within_extended AND {In("responded_on")}),
              count(*) FILTER (WHERE extended AND {In("responded_on")}),
              avg(days) FILTER (WHERE responded_on IS NOT NULL AND {In("responded_on")}),
              percentile_disc(0.9) WITHIN GROUP (ORDER BY days) FILTER (WHERE responded_on IS NOT NULL AND {In("responded_on")})
            FROM reporting.bench_cases GROUP BY 1
            """;
        yield return $"SELECT area, nature, count(*) FROM reporting.bench_cases WHERE lesson_on IS NOT NULL AND {In("lesson_on")} GROUP BY 1, 2";
        yield return $"SELECT area, remedy_type, count(*), sum(remedy_pence) FROM reporting.bench_cases WHERE remedy_on IS NOT NULL AND {In("remedy_on")} GROUP BY 1, 2";
        yield return $"""
            SELECT area, count(*) FILTER (WHERE lesson_on IS NOT NULL AND {In("lesson_on")}), sum(actions) FILTER (WHERE lesson_on IS NOT NULL AND {In("lesson_on")}),
              count(*) FILTER (WHERE finding IN (1, 2) AND {In("responded_on")}), count(*) FILTER (WHERE finding IN (1, 2) AND lesson_on IS NOT NULL AND {In("responded_on")})
            FROM reporting.bench_cases GROUP BY 1
            """;
    }

    public static async Task<int> AllTablesAsync(string connection, int year)
    {
        await using var conn = new NpgsqlConnection(connection);
        await conn.OpenAsync();
        var rows = 0;
        foreach (var received in new[] { true, false })
        {
            foreach (var sql in Queries(received))
            {
                await using var cmd = new NpgsqlCommand(sql, conn);
                cmd.Parameters.AddWithValue("from", new DateOnly(year, 4, 1));
                cmd.Parameters.AddWithValue("to", new DateOnly(year + 1, 4, 1));
                cmd.Parameters.AddWithValue("prev", new DateOnly(year - 1, 4, 1));
                await using var reader = await cmd.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    rows++;
                }
            }
        }
        return rows;
    }

    /// <summary>The two ways agree on a few headline figures (the load is the same data).</summary>
    public static async Task CrossCheckAsync(string connection, DbContextOptions<ReportingDbContext> options, int year)
    {
        await using var conn = new NpgsqlConnection(connection);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT count(*) FILTER (WHERE received_on >= @from AND received_on < @to),
              count(*) FILTER (WHERE responded_on >= @from AND responded_on < @to) + count(*) FILTER (WHERE stage2_responded_on >= @from AND stage2_responded_on < @to),
              percentile_disc(0.9) WITHIN GROUP (ORDER BY days) FILTER (WHERE responded_on >= @from AND responded_on < @to)
            FROM reporting.bench_cases
            """, conn);
        cmd.Parameters.AddWithValue("from", new DateOnly(year, 4, 1));
        cmd.Parameters.AddWithValue("to", new DateOnly(year + 1, 4, 1));
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (complaints, responses, p90) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2));

        await using var db = new ReportingDbContext(options);
        var builder = new ReportBuilder(db, TimeProvider.System);
        ReportRequest Request(ReportKind kind, Basis basis, Grouping grouping = Grouping.Council) => new()
        {
            Report = kind, Basis = basis, Grouping = grouping, Period = new Period { Kind = PeriodKind.FinancialYear, Year = year },
        };
        var all = new ReportAudience(false, null);
        var c = (await builder.BuildAsync(Request(ReportKind.Complaints, Basis.Received), all, default)).Total.Cells[0].Value;
        var timeliness = await builder.BuildAsync(Request(ReportKind.Timeliness, Basis.Resolved, Grouping.Stage), all, default);
        var r = timeliness.Total.Cells[3].Value;
        var p90Column = timeliness.Columns.Select((col, i) => (col, i)).Single(x => x.col.Key == "p90_days").i;
        var stage1P90 = timeliness.Rows.Single(row => row.Key == "stage:1").Cells[p90Column].Value;
        Console.WriteLine($"cross-check {year}/{(year + 1) % 100:00}: complaints {c:N0} vs flat {complaints:N0}; responses {r:N0} vs {responses:N0}; stage 1 p90 {stage1P90} vs {p90} working days");
        if (c != complaints || r != responses || stage1P90 != p90)
        {
            throw new InvalidOperationException("The counters and the flat table disagree.");
        }
    }
}
