using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Reporting.V1;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ComplimentsV1 = ComplaintsPlatform.Compliments.V1;
using IntakeV1 = ComplaintsPlatform.Intake.V1;
using OmbudsmanV1 = ComplaintsPlatform.Ombudsman.V1;

namespace ComplaintsPlatform.EndToEnd.Tests;

/// <summary>
/// Retention proved on the real platform: distinctive markers planted in every kind of record of every
/// service (through the public form and staff RPCs, all through the gateway), time moved past the
/// schedule with as_of, every service's job run; then every schema, every outbox and every service's
/// log is searched. The person under a legal hold keeps everything; the other's markers are gone; and
/// Reporting's figures for the year are the same before, after and after a rebuild from zero.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class RetentionMarkerTests(PlatformFixture platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private static readonly (string Resource, string Connection, string Schema)[] Schemas =
    [
        ("intake", "intake-db", "intake"), ("case-workflow", "case-workflow-db", "caseworkflow"),
        ("ombudsman-liaison", "ombudsman-liaison-db", "ombudsman"), ("compliments", "compliments-db", "compliments"),
        ("reporting", "reporting-db", "reporting"), ("identity", "identity-db", "identity"),
    ];

    private CallOptions Bearer(string role) => new(new Metadata { { "Authorization", $"Bearer {platform.Token(role)}" } });

    [Fact]
    public async Task Past_retention_no_planted_marker_remains_anywhere_but_under_a_legal_hold_and_Reportings_figures_do_not_change()
    {
        using var channel = platform.GatewayChannel();
        var held = await PlantAsync(channel, "ZQXHELD" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant());
        var gone = await PlantAsync(channel, "ZQXGONE" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant());

        var hold = await new DataProtection.DataProtectionClient(channel).PlaceLegalHoldAsync(
            new PlaceLegalHoldRequest { PersonId = held.PersonId, Reason = "Court proceedings" }, Bearer("complaints_team"));
        foreach (var schema in new[] { "intake", "ombudsman", "compliments" })
        {
            await Until(async () => await ScalarAsync(schema, $"SELECT count(*) FROM {schema}.legal_holds_applied WHERE hold_id = '{hold.HoldId}'") == 1,
                $"{schema} has applied the legal hold");
        }
        await SettledAsync(channel);
        var before = await FiguresAsync(channel);
        var text = await EverythingAsync();
        Assert.Contains(held.Marker, text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(gone.Marker, text, StringComparison.OrdinalIgnoreCase);

        var asOf = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(8);
        var request = new RunRetentionRequest { AsOf = new Google.Type.Date { Year = asOf.Year, Month = asOf.Month, Day = asOf.Day } };
        var dpo = Bearer("data_protection_officer");
        var runs = new[]
        {
            await new CaseWorkflow.V1.Retention.RetentionClient(channel).RunRetentionAsync(request, dpo),
            await new IntakeV1.Retention.RetentionClient(channel).RunRetentionAsync(request, dpo),
            await new OmbudsmanV1.Retention.RetentionClient(channel).RunRetentionAsync(request, dpo),
            await new ComplimentsV1.Retention.RetentionClient(channel).RunRetentionAsync(request, dpo),
        };
        await SettledAsync(channel);
        var after = await FiguresAsync(channel);
        await RebuildReportingAsync(channel);
        var rebuilt = await FiguresAsync(channel);

        Assert.All(runs, run => Assert.NotNull(run.FinishedAt));
        Assert.Contains(runs[0].Removed, r => r.Kind == RetentionKind.ClosedCase && r.RecordId == gone.CaseId);
        Assert.DoesNotContain(runs[0].Removed, r => r.RecordId == held.CaseId);
        var everything = await EverythingAsync();
        Assert.DoesNotContain(gone.Marker, everything, StringComparison.OrdinalIgnoreCase);
        foreach (var schema in new[] { "intake", "caseworkflow", "ombudsman" })
        {
            Assert.Contains(held.Marker, await SchemaTextAsync(Schemas.Single(s => s.Schema == schema)), StringComparison.OrdinalIgnoreCase);
        }
        var logs = await LogsAsync();
        Assert.DoesNotContain(gone.Marker, logs, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(held.Marker, logs, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, after);
        Assert.Equal(before, rebuilt);

        await new DataProtection.DataProtectionClient(channel).ReleaseLegalHoldAsync(
            new ReleaseLegalHoldRequest { HoldId = hold.HoldId, Reason = "Proceedings over" }, Bearer("complaints_team"));
    }

    private sealed record Planted(string Marker, string PersonId, string CaseId);

    /// <summary>
    /// One person's records in every service, each text carrying the marker: a complaint (with an
    /// attachment, letters and a closed case), an enquiry not taken forward, a compliment through the
    /// form and one recorded by staff, an ended register entry, and a decided Ombudsman enquiry.
    /// </summary>
    private async Task<Planted> PlantAsync(GrpcChannel channel, string marker)
    {
        var intake = new IntakeV1.Intake.IntakeClient(channel);
        var team = Bearer("complaints_team");
        var email = marker.ToLowerInvariant() + "@example.org";
        IntakeV1.SubmitRequest Form(IntakeV1.ContactKind kind) => new()
        {
            ClientRequestId = Guid.NewGuid().ToString(),
            Kind = kind,
            Name = marker + " Resident",
            Contact = new IntakeV1.ContactDetails
            {
                Email = email, Phone = "07700 900" + Random.Shared.Next(100, 999),
                Address = new IntakeV1.PostalAddress { Lines = { marker + " Cottage" }, Town = "Shiretown", Postcode = "SH1 1AA" },
            },
            PreferredContactMethod = IntakeV1.ContactMethod.Letter,
            Description = marker + " the mobile library stopped visiting",
            OutcomeSought = marker + " restore the visits",
            ServiceAreaId = "libraries",
        };
        var complaintForm = Form(IntakeV1.ContactKind.Complaint);
        complaintForm.Attachments.Add(new IntakeV1.AttachmentUpload
        {
            FileName = "letter.txt", ContentType = "text/plain", Content = ByteString.CopyFromUtf8("Dear council, " + marker + " wrote this."),
        });
        var complaint = await intake.SubmitAsync(complaintForm);
        var enquiry = await intake.SubmitAsync(Form(IntakeV1.ContactKind.Enquiry));
        var compliment = await intake.SubmitAsync(Form(IntakeV1.ContactKind.Compliment));

        await Until(async () =>
        {
            try
            {
                await intake.TriageAsync(new IntakeV1.TriageRequest
                {
                    ContactId = complaint.ContactId, Decision = IntakeV1.TriageDecision.Complaint, Stream = ComplaintStream.Corporate,
                    ServiceAreaId = "libraries", Notes = marker + " triage notes",
                }, team);
                return true;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.InvalidArgument)
            {
                return false;
            }
        }, "Intake accepts the triage");
        await intake.TriageAsync(new IntakeV1.TriageRequest { ContactId = enquiry.ContactId, Decision = IntakeV1.TriageDecision.Enquiry, ServiceAreaId = "libraries" }, team);
        await intake.TriageAsync(new IntakeV1.TriageRequest { ContactId = compliment.ContactId, Decision = IntakeV1.TriageDecision.Compliment, ServiceAreaId = "libraries" }, team);
        var personId = (await intake.GetContactAsync(new IntakeV1.GetContactRequest { ContactId = complaint.ContactId }, team)).PersonId;

        var cases = new Cases.CasesClient(channel);
        Case? opened = null;
        await Until(async () =>
        {
            try
            {
                opened = await cases.FindCaseByReferenceAsync(new FindCaseByReferenceRequest { Reference = complaint.Reference }, team);
                return true;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                return false;
            }
        }, "CaseWorkflow opens the case");
        var caseId = opened!.Id;
        await cases.AcknowledgeAsync(new AcknowledgeRequest { CaseId = caseId, About = marker + " about", OutcomeSought = marker + " sought" }, team);
        var defined = await cases.DefineIssueAsync(new DefineIssueRequest { CaseId = caseId, Summary = marker + " issue" }, team);
        await cases.AllocateAsync(new AllocateRequest { CaseId = caseId, ServiceAreaId = "libraries", TeamId = "libraries-team", HandlerId = "officer-lib-01" }, team);
        var closed = await cases.RecordResponseAsync(new RecordResponseRequest
        {
            CaseId = caseId, Overall = Finding.Upheld, Text = marker + " we are sorry and the visits resume",
            Findings = { new IssueFinding { IssueId = defined.Issues.Single().Id, Finding = Finding.Upheld } },
        }, team);
        Assert.Equal(CaseStatus.Closed, closed.Status);

        var registers = new IntakeV1.Registers.RegistersClient(channel);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var adjustment = await registers.RecordAdjustmentAsync(new IntakeV1.RecordAdjustmentRequest
        {
            PersonId = personId, Category = IntakeV1.Adjustment.EasyRead, Description = marker + " easy read", AgreedBy = "Complaints manager",
            FromDate = Date(today.AddDays(-1)), NextReviewOn = Date(today.AddDays(30)),
        }, team);
        await registers.ReviewAdjustmentAsync(new IntakeV1.ReviewAdjustmentRequest
        {
            AdjustmentId = adjustment.Id, ReviewedOn = Date(today), Outcome = IntakeV1.ReviewOutcome.End, Notes = marker + " review",
        }, team);

        await new ComplimentsV1.Compliments.ComplimentsClient(channel).RecordComplimentAsync(new ComplimentsV1.RecordComplimentRequest
        {
            ServiceAreaId = "libraries", TeamId = "libraries-team", Channel = IntakeV1.Channel.Email, ReceivedOn = Date(today),
            Words = marker + " thank you", Giver = ComplimentsV1.Giver.MemberOfPublic,
        }, Bearer("staff"));

        var link = Bearer("link_officer");
        var ombudsman = new OmbudsmanV1.OmbudsmanLiaison.OmbudsmanLiaisonClient(channel);
        var document = new OmbudsmanV1.DocumentMetadata { FileName = marker + ".pdf", ContentType = "application/pdf", SizeBytes = 100 };
        var registered = await ombudsman.RegisterEnquiryAsync(new OmbudsmanV1.RegisterEnquiryRequest
        {
            Ombudsman = OmbudsmanV1.Ombudsman.Lgsco, OmbudsmanReference = "E2E " + marker[^8..], ReceivedOn = Date(today),
            DirectorateId = "adults-communities", CaseReference = complaint.Reference, Summary = marker + " enquiry",
        }, link);
        await ombudsman.RecordCorrespondenceAsync(new OmbudsmanV1.RecordCorrespondenceRequest
        {
            EnquiryId = registered.Id, Direction = OmbudsmanV1.Direction.Out, OccurredOn = Date(today), Summary = marker + " letter", Document = document,
        }, link);
        await ombudsman.RecordDecisionAsync(new OmbudsmanV1.RecordDecisionRequest
        {
            EnquiryId = registered.Id, Decision = OmbudsmanV1.OmbudsmanDecision.Upheld, DecidedOn = Date(today), Injustice = true, Note = marker + " note",
        }, link);
        await ombudsman.AgreeRecommendationAsync(new OmbudsmanV1.AgreeRecommendationRequest
        {
            EnquiryId = registered.Id, Type = OmbudsmanV1.RecommendationType.Apology, Description = marker + " apology",
            AgreedOn = Date(today), DueOn = Date(today.AddDays(30)),
        }, link);

        await Until(async () => await ScalarAsync("compliments", $"SELECT count(*) FROM compliments.compliments WHERE contact_id = '{compliment.ContactId}'") == 1,
            "Compliments records the compliment from triage");
        return new Planted(marker, personId, caseId);
    }

    /// <summary>Every event consumed and every letter rendered, so nothing is still on its way.</summary>
    private async Task SettledAsync(GrpcChannel channel)
    {
        var reporting = new Reporting.V1.Reporting.ReportingClient(channel);
        await Until(async () => (await reporting.GetFeedStatusAsync(new GetFeedStatusRequest(), Bearer("complaints_team"))).Feeds.All(f => f.Behind == 0),
            "Reporting has every event");
        await Until(async () => await ScalarAsync("intake", "SELECT count(*) FROM intake.correspondence WHERE status = 'PENDING'") == 0,
            "Intake has no letter waiting");
    }

    private async Task RebuildReportingAsync(GrpcChannel channel)
    {
        var reporting = new Reporting.V1.Reporting.ReportingClient(channel);
        var rebuilt = await reporting.RebuildAsync(new RebuildRequest { Reason = "Retention proof: figures from events alone" }, Bearer("complaints_team"));
        await Until(async () =>
        {
            var status = await reporting.GetFeedStatusAsync(new GetFeedStatusRequest(), Bearer("complaints_team"));
            return status.Generation >= rebuilt.Generation && status.Feeds.All(f => f.Behind == 0);
        }, "Reporting has rebuilt from every feed");
    }

    /// <summary>Every report for this calendar year, as Reporting answers it (the moment it was computed left out).</summary>
    private async Task<List<string>> FiguresAsync(GrpcChannel channel)
    {
        var reporting = new Reporting.V1.Reporting.ReportingClient(channel);
        var figures = new List<string>();
        foreach (var kind in Enum.GetValues<ReportKind>().Where(k => k != ReportKind.Unspecified))
        {
            try
            {
                var table = await reporting.GetReportAsync(new ReportRequest
                {
                    Report = kind, Period = new Reporting.V1.Period { Kind = PeriodKind.CalendarYear, Year = DateTime.UtcNow.Year },
                }, Bearer("complaints_team"));
                table.AsOf = null;
                figures.Add(table.ToString());
            }
            catch (RpcException e)
            {
                figures.Add($"{kind}: {e.StatusCode}");
            }
        }
        return figures;
    }

    /// <summary>Every row of every table of every schema, outboxes included, with bytes read as text.</summary>
    private async Task<string> EverythingAsync()
    {
        var text = new System.Text.StringBuilder();
        foreach (var schema in Schemas)
        {
            text.Append(await SchemaTextAsync(schema));
        }
        return text.ToString();
    }

    private async Task<string> SchemaTextAsync((string Resource, string Connection, string Schema) schema)
    {
        await using var connection = new NpgsqlConnection(await platform.App.GetConnectionStringAsync(schema.Connection));
        await connection.OpenAsync();
        var columns = new List<(string Table, string Column, string Type)>();
        await using (var list = new NpgsqlCommand(
            "SELECT c.table_name::text, c.column_name::text, c.data_type::text FROM information_schema.columns c " +
            "JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name " +
            "WHERE c.table_schema = @s AND t.table_type = 'BASE TABLE' ORDER BY 1, c.ordinal_position", connection))
        {
            list.Parameters.AddWithValue("s", schema.Schema);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }
        var text = new System.Text.StringBuilder();
        foreach (var table in columns.GroupBy(c => c.Table))
        {
            var parts = table.Select(c => c.Type == "bytea"
                ? $"coalesce(encode(\"{c.Column}\", 'escape'), '')"
                : $"coalesce(\"{c.Column}\"::text, '')");
            await using var dump = new NpgsqlCommand(
                $"SELECT coalesce(string_agg(concat_ws('|', {string.Join(", ", parts)}), E'\\n'), '') FROM \"{schema.Schema}\".\"{table.Key}\"", connection);
            text.Append((string)(await dump.ExecuteScalarAsync())!);
        }
        return text.ToString();
    }

    private async Task<long> ScalarAsync(string schema, string sql)
    {
        var connectionName = Schemas.Single(s => s.Schema == schema).Connection;
        await using var connection = new NpgsqlConnection(await platform.App.GetConnectionStringAsync(connectionName));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>Everything every service, the gateway and the web wrote to its console since the platform started.</summary>
    private async Task<string> LogsAsync()
    {
        var logger = platform.App.Services.GetRequiredService<ResourceLoggerService>();
        var text = new System.Text.StringBuilder();
        foreach (var resource in PlatformFixture.Services.Append("gateway").Append("web"))
        {
            await foreach (var lines in logger.GetAllAsync(resource))
            {
                foreach (var line in lines)
                {
                    text.AppendLine(line.Content);
                }
            }
        }
        return text.ToString();
    }

    private static Google.Type.Date Date(DateOnly d) => new() { Year = d.Year, Month = d.Month, Day = d.Day };

    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what}.");
            await Task.Delay(250);
        }
    }
}
