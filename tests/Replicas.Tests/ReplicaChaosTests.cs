using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Reporting.V1;
using Grpc.Core;
using Npgsql;
using Xunit.Abstractions;
using IntakeClient = ComplaintsPlatform.Intake.V1.Intake.IntakeClient;
using IntakeV1 = ComplaintsPlatform.Intake.V1;

namespace ComplaintsPlatform.Replicas.Tests;

/// <summary>
/// Two of everything, one of each killed in turn under load (issue "Two of everything"): complaints
/// submitted, triaged and acknowledged through the gateway by clients that retry as a real client
/// would (the same client request id, the same expected revision), while one replica of each project
/// is killed with SIGKILL. Then every acknowledged write exists exactly once, Reporting's counts equal
/// the sources', every email sent has its Message-ID in the inbox, and the survivors served throughout.
/// </summary>
[Collection(ReplicaCollection.Name)]
public sealed partial class ReplicaChaosTests(ReplicaPlatform platform, ITestOutputHelper output)
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan BetweenKills = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private const int Workers = 3;

    private static readonly StatusCode[] Transient =
        [StatusCode.Unavailable, StatusCode.Internal, StatusCode.Unknown, StatusCode.Cancelled, StatusCode.DeadlineExceeded, StatusCode.ResourceExhausted];

    private readonly ConcurrentQueue<DateTime> _successes = new();
    private int _attempts;
    private int _retries;
    private int _failures;

    private sealed record Submitted(string ClientRequestId, string ContactId, string Reference)
    {
        public bool Triaged { get; set; }

        public bool Acknowledged { get; set; }
    }

    [Fact]
    public async Task Killing_one_replica_of_each_project_under_load_loses_and_duplicates_nothing_and_the_survivors_serve()
    {
        using var channel = platform.GatewayChannel();
        var intake = new IntakeClient(channel);
        var cases = new Cases.CasesClient(channel);
        var team = new CallOptions(new Metadata { { "Authorization", $"Bearer {platform.Token("complaints_team")}" } });
        var submitted = new ConcurrentBag<Submitted>();
        using var stop = new CancellationTokenSource();
        await UntilTriageAcceptedAsync(intake, team);

        var load = Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await OneComplaintAsync(intake, cases, team, w, submitted);
            }
        })).Append(Task.Run(() => PagesAsync(stop.Token))).ToList();

        await Task.Delay(Settle);
        var killed = new List<string>();
        foreach (var project in ReplicaPlatform.Projects.Keys)
        {
            var processes = platform.ProcessesOf(project);
            Assert.True(processes.Count == ReplicaPlatform.Replicas, $"{project}: {processes.Count} processes found, {ReplicaPlatform.Replicas} expected");
            Process.GetProcessById(processes[0]).Kill(); // SIGKILL: no shutdown, no flush
            killed.Add($"{project} ({processes[0]})");
            await Task.Delay(BetweenKills);
        }
        await Task.Delay(Settle);
        await stop.CancelAsync();
        await Task.WhenAll(load);

        var all = submitted.ToList();
        var gap = LongestGap();
        output.WriteLine($"killed: {string.Join(", ", killed)}");
        output.WriteLine($"calls {_attempts}, retried {_retries}, failed after every retry {_failures} ({100.0 * _failures / Math.Max(1, _attempts):0.0} %); longest gap between successes {gap.TotalSeconds:0.0} s");
        output.WriteLine($"submitted {all.Count}, triaged {all.Count(s => s.Triaged)}, acknowledged {all.Count(s => s.Acknowledged)}");
        Assert.True(all.Count >= 10, $"only {all.Count} complaints were acknowledged");

        await EveryAcknowledgedWriteExistsOnceAsync(all, cases, team);
        await ReportingCountsTheSourcesAsync(channel, team);
        await EveryEmailSentReachedTheInboxAsync();

        // The survivors served throughout: a client that retries for a few seconds never gave up often.
        Assert.True(_failures <= Math.Max(2, _attempts / 20), $"{_failures} of {_attempts} calls failed after every retry");
        Assert.True(gap < TimeSpan.FromSeconds(30), $"nothing succeeded for {gap.TotalSeconds:0.0} s");
    }

    private async Task OneComplaintAsync(IntakeClient intake, Cases.CasesClient cases, CallOptions team, int worker, ConcurrentBag<Submitted> submitted)
    {
        var requestId = Guid.NewGuid().ToString();
        var request = new IntakeV1.SubmitRequest
        {
            ClientRequestId = requestId,
            Kind = IntakeV1.ContactKind.Complaint,
            Name = "Replica Tester",
            Contact = new IntakeV1.ContactDetails { Email = $"replica-{requestId[..8]}@example.org" },
            PreferredContactMethod = IntakeV1.ContactMethod.Email,
            Description = $"Worker {worker}: the library van missed our stop again ({requestId}).",
            OutcomeSought = "Keep to the timetable.",
            ServiceAreaId = "libraries",
        };
        // A retry with the same client request id is the same submission.
        var reply = await CallAsync(() => intake.SubmitAsync(request).ResponseAsync);
        if (reply is null)
        {
            return;
        }
        var complaint = new Submitted(requestId, reply.ContactId, reply.Reference);
        submitted.Add(complaint);

        var triage = new IntakeV1.TriageRequest
        {
            ContactId = reply.ContactId, Decision = IntakeV1.TriageDecision.Complaint, Stream = ComplaintStream.Corporate, ServiceAreaId = "libraries",
        };
        // A triage whose answer was lost is refused when sent again: read the contact to know.
        complaint.Triaged = await CallAsync(async () => { await intake.TriageAsync(triage, team); return true; },
            async () => (await intake.GetContactAsync(new IntakeV1.GetContactRequest { ContactId = reply.ContactId }, team)).TriageHistory.Count > 0);
        if (!complaint.Triaged)
        {
            return;
        }

        var opened = await CallAsync(async () => await cases.FindCaseByReferenceAsync(new FindCaseByReferenceRequest { Reference = reply.Reference }, team),
            notYet: StatusCode.NotFound);
        if (opened is null)
        {
            return;
        }
        var acknowledge = new AcknowledgeRequest { CaseId = opened.Id, About = "Library van", OutcomeSought = "Keep to the timetable", ExpectedRevision = opened.Revision };
        complaint.Acknowledged = await CallAsync(async () => { await cases.AcknowledgeAsync(acknowledge, team); return true; },
            async () => (await cases.GetCaseAsync(new GetCaseRequest { CaseId = opened.Id }, team)).Stages.Any(s => s.Acknowledgement is not null));
    }

    /// <summary>
    /// Just after start-up, the gateway replica a call reaches may not yet have probed Intake's replicas
    /// (the fixture's health check may have reached the other one), and Intake may not yet hold
    /// CaseWorkflow's service areas: one submission (retried with the same request id) and one triage first.
    /// </summary>
    private static async Task UntilTriageAcceptedAsync(IntakeClient intake, CallOptions team)
    {
        var submission = new IntakeV1.SubmitRequest
        {
            ClientRequestId = Guid.NewGuid().ToString(), Kind = IntakeV1.ContactKind.Complaint, Name = "Replica Tester",
            Contact = new IntakeV1.ContactDetails { Email = "replica-first@example.org" }, PreferredContactMethod = IntakeV1.ContactMethod.Email,
            Description = "The first complaint, before any replica is killed.", OutcomeSought = "None.", ServiceAreaId = "libraries",
        };
        IntakeV1.SubmitReply? first = null;
        await UntilAsync(async () =>
        {
            try
            {
                first = await intake.SubmitAsync(submission);
                return true;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
            {
                return false;
            }
        }, "the gateway sends a submission to Intake");
        await UntilAsync(async () =>
        {
            try
            {
                await intake.TriageAsync(new IntakeV1.TriageRequest
                {
                    ContactId = first!.ContactId, Decision = IntakeV1.TriageDecision.Complaint, Stream = ComplaintStream.Corporate, ServiceAreaId = "libraries",
                }, team);
                return true;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.InvalidArgument)
            {
                return false;
            }
        }, "Intake accepts a triage about libraries");
    }

    /// <summary>The public start page, through the gateway to the web's replicas.</summary>
    private async Task PagesAsync(CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = platform.GatewayHttp, Timeout = TimeSpan.FromSeconds(10) };
        while (!ct.IsCancellationRequested)
        {
            await CallAsync(async () =>
            {
                using var response = await http.GetAsync("/", CancellationToken.None);
                if (!response.IsSuccessStatusCode)
                {
                    throw new RpcException(new Status(StatusCode.Unavailable, $"{(int)response.StatusCode}"));
                }
                return true;
            });
            await Task.Delay(200, CancellationToken.None);
        }
    }

    /// <summary>
    /// Calls until answered, as a client that retries would: transient failures (a killed replica, a
    /// reset connection) for up to 15 s. A call refused after an earlier attempt may have been done by
    /// that attempt: <paramref name="doneBefore"/> then decides. Null or false when it never got through.
    /// </summary>
    private async Task<T?> CallAsync<T>(Func<Task<T>> call, Func<Task<T>>? doneBefore = null, StatusCode? notYet = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        for (var attempt = 1; ; attempt++)
        {
            Interlocked.Increment(ref attempt == 1 ? ref _attempts : ref _retries);
            try
            {
                var result = await call();
                _successes.Enqueue(DateTime.UtcNow);
                return result;
            }
            catch (Exception e) when (e is RpcException or HttpRequestException or TaskCanceledException)
            {
                var status = (e as RpcException)?.StatusCode ?? StatusCode.Unavailable;
                if (attempt > 1 && doneBefore is not null && status is StatusCode.FailedPrecondition or StatusCode.Aborted)
                {
                    return await CallAsync(doneBefore);
                }
                var again = Transient.Contains(status) || status == notYet;
                if (!again || DateTime.UtcNow > (status == notYet ? deadline + Patience : deadline))
                {
                    if (!again)
                    {
                        throw;
                    }
                    Interlocked.Increment(ref _failures);
                    return default;
                }
                await Task.Delay(250);
            }
        }
    }

    private TimeSpan LongestGap()
    {
        var times = _successes.Order().ToList();
        return times.Zip(times.Skip(1), (a, b) => b - a).DefaultIfEmpty(TimeSpan.Zero).Max();
    }

    private async Task EveryAcknowledgedWriteExistsOnceAsync(List<Submitted> all, Cases.CasesClient casesClient, CallOptions team)
    {
        await using var intake = new NpgsqlConnection(await platform.ConnectionStringAsync("intake-db"));
        await intake.OpenAsync();
        var contacts = await CountsAsync(intake, "SELECT client_request_id, count(*) FROM intake.contacts GROUP BY client_request_id");
        foreach (var s in all)
        {
            Assert.Equal(1, contacts.GetValueOrDefault(s.ClientRequestId));
        }
        // A submission that never got an answer may exist (once) or not; nothing exists twice.
        Assert.All(contacts.Values, count => Assert.Equal(1, count));

        await using var caseWorkflow = new NpgsqlConnection(await platform.ConnectionStringAsync("case-workflow-db"));
        await caseWorkflow.OpenAsync();
        var triaged = all.Where(s => s.Triaged).Select(s => s.Reference).ToHashSet();
        Dictionary<string, long> cases = [];
        await UntilAsync(async () =>
        {
            cases = await CountsAsync(caseWorkflow, "SELECT reference, count(*) FROM caseworkflow.cases GROUP BY reference");
            return triaged.All(cases.ContainsKey);
        }, "every triaged complaint has its case");
        Assert.All(cases.Values, count => Assert.Equal(1, count));
        output.WriteLine($"contacts {contacts.Count}, cases {cases.Count}");
        foreach (var s in all.Where(s => s.Acknowledged))
        {
            // As fast as the gateway lets one client read (its rate limit answers RESOURCE_EXHAUSTED: wait and ask again).
            var found = await CallAsync(async () => await casesClient.FindCaseByReferenceAsync(new FindCaseByReferenceRequest { Reference = s.Reference }, team));
            Assert.True(found?.Stages.Any(stage => stage.Acknowledgement is not null), $"{s.Reference} was acknowledged but its case does not say so");
        }
    }

    private async Task ReportingCountsTheSourcesAsync(Grpc.Net.Client.GrpcChannel channel, CallOptions team)
    {
        await using var intake = new NpgsqlConnection(await platform.ConnectionStringAsync("intake-db"));
        await intake.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM intake.contacts", intake);
        var contacts = (long)(await count.ExecuteScalarAsync())!;
        var reporting = new Reporting.V1.Reporting.ReportingClient(channel);
        double counted = -1;
        await UntilAsync(async () =>
        {
            var table = await reporting.GetReportAsync(new ReportRequest
            {
                Report = ReportKind.Contacts, Period = new Reporting.V1.Period { Kind = PeriodKind.CalendarYear, Year = DateTime.UtcNow.Year }, Basis = Basis.Received,
            }, team);
            var column = table.Columns.ToList().FindIndex(c => c.Key == "received");
            counted = column < 0 || table.Total is null ? -1 : table.Total.Cells[column].Value;
            return counted == contacts;
        }, $"Reporting counts the {contacts} contacts Intake holds");
        output.WriteLine($"Reporting counts {counted} contacts received, Intake holds {contacts}");
    }

    private async Task EveryEmailSentReachedTheInboxAsync()
    {
        await using var intake = new NpgsqlConnection(await platform.ConnectionStringAsync("intake-db"));
        await intake.OpenAsync();
        var sent = new List<Guid>();
        await using (var query = new NpgsqlCommand("SELECT id FROM intake.correspondence WHERE delivered_by = 'EMAIL' AND sent_at IS NOT NULL", intake))
        await using (var reader = await query.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                sent.Add(reader.GetGuid(0));
            }
        }
        using var http = new HttpClient { BaseAddress = platform.MailHttp };
        var ids = new List<string>();
        for (int page = 1, pages = 1; page <= pages; page++)
        {
            using var json = JsonDocument.Parse(await http.GetStringAsync($"/api/messages?pageSize=500&page={page}"));
            pages = json.RootElement.GetProperty("pageCount").GetInt32();
            foreach (var item in json.RootElement.GetProperty("results").EnumerateArray())
            {
                // The message as it was received, headers first.
                var raw = await http.GetStringAsync($"/api/messages/{item.GetProperty("id").GetString()}/raw");
                if (MessageId().Match(raw) is { Success: true } match)
                {
                    ids.Add(match.Groups["id"].Value);
                }
            }
        }
        var distinct = ids.ToHashSet(StringComparer.OrdinalIgnoreCase);
        output.WriteLine($"emails sent by Intake {sent.Count}; in the inbox {ids.Count}, distinct Message-IDs {distinct.Count}, raw duplicates {ids.Count - distinct.Count}");
        Assert.All(sent, id => Assert.Contains(id.ToString("N"), distinct));
    }

    private static async Task<Dictionary<string, long>> CountsAsync(NpgsqlConnection connection, string sql)
    {
        var counts = new Dictionary<string, long>();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }
        return counts;
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what}.");
            await Task.Delay(500);
        }
    }

    [GeneratedRegex(@"^Message-ID:\s*<(?<id>[0-9a-f]{32})@complaints-platform>", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex MessageId();
}
