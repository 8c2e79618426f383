using System.Globalization;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;
using Xunit;

namespace ComplaintsPlatform.TestInfrastructure;

/// <summary>
/// The access matrix (tests/AccessMatrix/access-matrix.csv): one row per RPC of every service, one
/// column per principal, each cell <c>allow</c>, <c>deny</c>, or allowed for the caller's
/// <c>own</c>, <c>team</c>, <c>directorate</c> or <c>ombudsman</c> matters only.
/// </summary>
public static class AccessMatrix
{
    public static readonly string[] Principals =
    [
        "anonymous", "staff", "complaints_team", "handler", "link_officer", "service_lead", "scrutiny", "administrator", "data_protection_officer", "api_key",
        "service:intake", "service:caseworkflow", "service:ombudsman", "service:compliments", "service:reporting", "service:identity",
    ];

    public static readonly IReadOnlySet<string> Values = new HashSet<string> { "allow", "deny", "own", "team", "directorate", "ombudsman" };

    public sealed record Row(string ServedBy, string Service, string Method, IReadOnlyDictionary<string, string> Cells, string Note)
    {
        public string Rpc => $"{Service}/{Method}";
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ComplaintsPlatform.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("ComplaintsPlatform.sln not found above the test's output folder.");
    }

    public static string CsvPath => Path.Combine(RepositoryRoot(), "tests", "AccessMatrix", "access-matrix.csv");

    public static IReadOnlyList<Row> Load()
    {
        var lines = File.ReadAllLines(CsvPath).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var header = lines[0].Split(',');
        Assert.Equal(["served_by", "service", "method", .. Principals, "note"], header);
        return lines.Skip(1).Select(line =>
        {
            var f = SplitCsv(line);
            Assert.True(f.Count == header.Length, $"{line}: {f.Count} fields, expected {header.Length}");
            var cells = Principals.Select((p, i) => (p, f[3 + i])).ToDictionary(x => x.p, x => x.Item2);
            Assert.All(cells.Values, v => Assert.Contains(v, Values));
            return new Row(f[0], f[1], f[2], cells, f[^1]);
        }).ToList();
    }

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        fields.Add(current.ToString());
        return fields;
    }

    /// <summary>The token (or API key) each principal calls with; null for anonymous. Tokens carry a team and directorate where the role has one.</summary>
    public static Metadata? TestCredentials(string principal, string apiKey = "rpk_not_a_real_key") => principal switch
    {
        "anonymous" => null,
        "api_key" => new Metadata { { "x-api-key", apiKey } },
        _ when principal.StartsWith("service:", StringComparison.Ordinal) => Bearer(TestIdentity.ServiceToken(principal["service:".Length..])),
        "handler" => Bearer(TestIdentity.Token(principal, "officer-lib-01", team: "libraries-team")),
        "service_lead" => Bearer(TestIdentity.Token(principal, "lead-ac", directorate: "adults-communities")),
        "complaints_team" => Bearer(TestIdentity.Token(principal, "officer-cpt-01", team: "customer-services-team")),
        _ => Bearer(TestIdentity.Token(principal, $"matrix-{principal.Replace('_', '-')}")),
    };

    public static Metadata Bearer(string token) => new() { { "Authorization", "Bearer " + token } };

    /// <summary>
    /// Calls every RPC the host serves, with an empty request, as every principal, and checks each
    /// cell: a denied principal gets UNAUTHENTICATED or PERMISSION_DENIED; an allowed one gets past
    /// authorisation (an empty request may well be NOT_FOUND, INVALID_ARGUMENT or FAILED_PRECONDITION);
    /// a scoped one is at least not UNAUTHENTICATED.
    /// A token with an empty subject is refused as unauthenticated wherever anonymous is.
    /// </summary>
    public static async Task VerifyAsync(string servedBy, IEnumerable<string> services, GrpcChannel channel,
        Func<string, Task<Metadata?>> credentials, Func<string, Task<Metadata?>>? emptySubject = null)
    {
        var served = services.ToList();
        if (Environment.GetEnvironmentVariable("ACCESS_MATRIX_OBSERVE") is { Length: > 0 } observeTo)
        {
            await ObserveAsync(servedBy, served, channel, credentials, observeTo);
            return;
        }
        var rows = Load().Where(r => r.ServedBy == servedBy).ToList();
        var missing = served.SelectMany(s => ContractServices.All.Single(d => d.FullName == s).Methods)
            .Where(m => !rows.Any(r => r.Service == m.Service.FullName && r.Method == m.Name)).Select(m => m.FullName).ToList();
        Assert.True(missing.Count == 0, $"RPCs {servedBy} serves with no row in the access matrix: {string.Join(", ", missing)}");
        var failures = new List<string>();
        foreach (var row in rows)
        {
            var method = Find(row);
            foreach (var principal in Principals)
            {
                var expected = row.Cells[principal];
                var headers = await credentials(principal);
                if (headers is null && principal != "anonymous")
                {
                    continue; // this host cannot mint that principal's credentials
                }
                var code = await CallAsync(channel, method, headers);
                var refused = code is StatusCode.Unauthenticated or StatusCode.PermissionDenied;
                // A scoped cell: the role is let in, and an empty request may still be out of the caller's
                // scope (PERMISSION_DENIED); the scope itself is proved by the service's own access tests.
                var matches = expected switch
                {
                    "deny" => refused,
                    "allow" => !refused,
                    _ => code != StatusCode.Unauthenticated,
                };
                if (!matches)
                {
                    failures.Add($"{row.Rpc} as {principal}: matrix says {expected}, service answered {code}");
                }
            }
            if (emptySubject is not null && row.Cells["anonymous"] == "deny")
            {
                var code = await CallAsync(channel, method, await emptySubject("complaints_team"));
                if (code != StatusCode.Unauthenticated)
                {
                    failures.Add($"{row.Rpc} with an empty subject: answered {code}, not UNAUTHENTICATED");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    // Writes what the service answers today, as a first draft of its rows (each cell then judged by hand).
    private static async Task ObserveAsync(string servedBy, List<string> services, GrpcChannel channel,
        Func<string, Task<Metadata?>> credentials, string folder)
    {
        var lines = new List<string>();
        foreach (var method in services.SelectMany(s => ContractServices.All.Single(d => d.FullName == s).Methods))
        {
            var codes = new List<string>();
            foreach (var principal in Principals)
            {
                var headers = await credentials(principal);
                codes.Add(headers is null && principal != "anonymous" ? "n/a" : (await CallAsync(channel, method, headers)).ToString());
            }
            lines.Add($"{servedBy},{method.Service.FullName},{method.Name},{string.Join(',', codes)}");
        }
        Directory.CreateDirectory(folder);
        await File.WriteAllLinesAsync(Path.Combine(folder, servedBy + ".csv"), lines);
    }

    /// <summary>
    /// The scoped cells of the rows that name one case (<c>case_id</c>), tried on a real case: each
    /// scoped principal is let in with a token inside its scope and refused with one outside it.
    /// </summary>
    public static async Task VerifyCaseScopesAsync(string servedBy, GrpcChannel channel, string caseId,
        IReadOnlyDictionary<string, (Metadata Inside, Metadata Outside)> scopedCredentials)
    {
        var failures = new List<string>();
        foreach (var row in Load().Where(r => r.ServedBy == servedBy))
        {
            var method = Find(row);
            if (method.InputType.FindFieldByName("case_id") is not { } field || field.FieldType != FieldType.String)
            {
                continue;
            }
            var request = (Google.Protobuf.IMessage)Activator.CreateInstance(method.InputType.ClrType)!;
            field.Accessor.SetValue(request, caseId);
            var bytes = Google.Protobuf.MessageExtensions.ToByteArray(request);
            foreach (var (principal, (inside, outside)) in scopedCredentials)
            {
                if (row.Cells[principal] is "allow" or "deny")
                {
                    continue;
                }
                var inCode = await CallAsync(channel, method, inside, bytes);
                var outCode = await CallAsync(channel, method, outside, bytes);
                if (inCode is StatusCode.Unauthenticated or StatusCode.PermissionDenied)
                {
                    failures.Add($"{row.Rpc} as {principal} within their {row.Cells[principal]} scope: refused ({inCode})");
                }
                // A change may check its own fields first; it must never get further than that.
                if (outCode is not (StatusCode.PermissionDenied or StatusCode.InvalidArgument))
                {
                    failures.Add($"{row.Rpc} as {principal} outside their {row.Cells[principal]} scope: answered {outCode}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>
    /// Every RPC the host serves that takes text, called by a principal the matrix lets in with every
    /// text field of its request one character over the platform's ceiling: each is INVALID_ARGUMENT.
    /// </summary>
    public static async Task VerifyTextLimitsAsync(string servedBy, GrpcChannel channel, Func<string, Task<Metadata?>> credentials)
    {
        var failures = new List<string>();
        var tried = 0;
        foreach (var row in Load().Where(r => r.ServedBy == servedBy))
        {
            var method = Find(row);
            var text = method.InputType.Fields.InFieldNumberOrder()
                .Where(f => f.FieldType == FieldType.String && !f.IsRepeated && !f.IsMap && f.RealContainingOneof is null).ToList();
            var principal = Principals.FirstOrDefault(p => row.Cells[p] != "deny");
            if (text.Count == 0 || method.IsClientStreaming || principal is null)
            {
                continue;
            }
            var request = (Google.Protobuf.IMessage)Activator.CreateInstance(method.InputType.ClrType)!;
            foreach (var field in text)
            {
                var limit = field.Name.EndsWith("_csv", StringComparison.Ordinal)
                    ? Hosting.Errors.TextLimitInterceptor.MaxFileTextLength
                    : Hosting.Errors.TextLimitInterceptor.MaxTextLength;
                field.Accessor.SetValue(request, new string('x', limit + 1));
            }
            tried++;
            var code = await CallAsync(channel, method, await credentials(principal), Google.Protobuf.MessageExtensions.ToByteArray(request));
            if (code != StatusCode.InvalidArgument)
            {
                failures.Add($"{row.Rpc} as {principal} with over-long text: answered {code}");
            }
        }
        Assert.True(tried > 0, $"{servedBy} has no RPC taking text?");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    public static MethodDescriptor Find(Row row)
    {
        var service = ContractServices.All.FirstOrDefault(s => s.FullName == row.Service)
            ?? throw new InvalidOperationException($"No service {row.Service} in the contracts.");
        return service.FindMethodByName(row.Method) ?? throw new InvalidOperationException($"No method {row.Rpc} in the contracts.");
    }

    private static readonly Marshaller<byte[]> s_bytes = Marshallers.Create(b => b, b => b);

    /// <summary>One call with an empty message (an empty stream for client streaming); the status it ended with.</summary>
    public static async Task<StatusCode> CallAsync(GrpcChannel channel, MethodDescriptor method, Metadata? headers, byte[]? request = null)
    {
        request ??= [];
        var type = (method.IsClientStreaming, method.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (true, false) => MethodType.ClientStreaming,
            (false, true) => MethodType.ServerStreaming,
            _ => MethodType.DuplexStreaming,
        };
        var grpcMethod = new Method<byte[], byte[]>(type, method.Service.FullName, method.Name, s_bytes, s_bytes);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var options = new CallOptions(headers, cancellationToken: timeout.Token);
        var invoker = channel.CreateCallInvoker();
        try
        {
            switch (type)
            {
                case MethodType.Unary:
                    await invoker.AsyncUnaryCall(grpcMethod, null, options, request);
                    break;
                case MethodType.ClientStreaming:
                    using (var call = invoker.AsyncClientStreamingCall(grpcMethod, null, options))
                    {
                        await call.RequestStream.CompleteAsync();
                        await call.ResponseAsync;
                    }
                    break;
                default:
                    using (var call = invoker.AsyncServerStreamingCall(grpcMethod, null, options, request))
                    {
                        // A stream that is allowed may go on for ever: its first message (or a quiet second) is enough.
                        using var first = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
                        first.CancelAfter(TimeSpan.FromSeconds(2));
                        try
                        {
                            await call.ResponseStream.MoveNext(first.Token);
                        }
                        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && first.IsCancellationRequested && !timeout.IsCancellationRequested)
                        {
                            return StatusCode.OK;
                        }
                    }
                    break;
            }
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }

    /// <summary>The matrix as the Markdown table published in the docs.</summary>
    public static string Markdown(IReadOnlyList<Row> rows)
    {
        var md = new System.Text.StringBuilder();
        md.AppendLine("# Who can see and do what: the access matrix");
        md.AppendLine();
        md.AppendLine("Generated from `tests/AccessMatrix/access-matrix.csv`; a test checks this page against it, and another calls every");
        md.AppendLine("RPC as every principal against the real services to check each cell. Every RPC of every service has a row:");
        md.AppendLine("an RPC without one fails the build's tests.");
        md.AppendLine();
        md.AppendLine("- **allow** — allowed; **·** — refused (UNAUTHENTICATED or PERMISSION_DENIED);");
        md.AppendLine("- **own** — only what the caller recorded, or their own submission, reminders or account;");
        md.AppendLine("- **team** — only cases allocated to the caller or their team;");
        md.AppendLine("- **directorate** — only their directorate's cases, matters or figures;");
        md.AppendLine("- **ombudsman** — only Ombudsman matters and the cases behind them.");
        md.AppendLine();
        md.AppendLine("Columns: the platform's roles as tokens carry them (`anonymous` is a member of the public with no token;");
        md.AppendLine("`api_key` is a Reporting API key issued by the complaints team), then each platform service calling as itself.");
        md.AppendLine("Internal services (" + string.Join(", ", ContractServices.Internal.Order(StringComparer.Ordinal).Select(s => $"`{s.Split('.')[^1]}`")) + ") are not routed at the gateway:");
        md.AppendLine("from outside they answer NOT_FOUND whoever asks.");
        foreach (var group in rows.GroupBy(r => r.ServedBy))
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"## {group.Key}");
            md.AppendLine();
            md.AppendLine("| RPC | " + string.Join(" | ", Principals) + " | note |");
            md.AppendLine("| --- | " + string.Join(" | ", Principals.Select(_ => "---")) + " | --- |");
            foreach (var row in group)
            {
                var cells = string.Join(" | ", Principals.Select(p => row.Cells[p] == "deny" ? "·" : row.Cells[p]));
                md.AppendLine(CultureInfo.InvariantCulture, $"| `{row.Service.Split('.')[^1]}.{row.Method}` | {cells} | {row.Note} |");
            }
        }
        return md.ToString();
    }
}
