using System.Text;
using System.Text.Json;
using ComplaintsPlatform.Hosting;
using ComplaintsPlatform.Intake.Data;
using ComplaintsPlatform.Intake.Domain;
using ComplaintsPlatform.Intake.Events;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Messaging.Outbox;
using Google.Protobuf.WellKnownTypes;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace ComplaintsPlatform.Intake.Correspondence;

/// <summary>
/// Delivers queued messages: renders each, sends emails over SMTP, stores letters ready to print, and
/// records what went, to whom, when, how and whether within its deadline, with a CorrespondenceSent
/// event in the same transaction. Rows are claimed with SKIP LOCKED, so replicas share the work. A
/// batch's outcome is written without change tracking: one UPDATE from arrays for all its rows, then
/// its events, in one round trip (ADR 0026, fifth round).
/// Delivery is at least once: an email whose record fails to commit is sent again. A letter CaseWorkflow
/// asked for gets its words here, just before it goes; while CaseWorkflow is unavailable it waits,
/// retried with the same backoff, and never fails for that alone.
/// </summary>
internal sealed class CorrespondenceDispatcher(
    IServiceScopeFactory scopes,
    CorrespondenceSignal signal,
    EmailSender email,
    StatusLinks statusLinks,
    OutboxCommits<IntakeDbContext> commits,
    TimeProvider clock,
    IConfiguration configuration,
    ILogger<CorrespondenceDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 100;
    private const int MaxAttempts = 8;
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(10);
    private readonly TimeSpan _retryDelay = configuration.GetValue("Correspondence:RetryDelay", TimeSpan.FromSeconds(5));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pollInterval = configuration.GetValue("Correspondence:PollInterval", TimeSpan.FromSeconds(2));
        // A short pause after a wake-up gathers the receipts of a burst into one commit instead of one each.
        var gather = configuration.GetValue("Correspondence:GatherDelay", TimeSpan.FromMilliseconds(50));
        while (!stoppingToken.IsCancellationRequested)
        {
            var more = false;
            try
            {
                more = await DispatchBatchAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Correspondence dispatch failed: {ExceptionType}", ex.GetType().Name);
            }
            if (!more)
            {
                try
                {
                    if (await signal.WaitAsync(pollInterval, stoppingToken) && gather > TimeSpan.Zero)
                    {
                        await Task.Delay(gather, stoppingToken);
                    }
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task<bool> DispatchBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var batch = await db.Correspondence
            .FromSql($"SELECT * FROM intake.correspondence WHERE status = 'PENDING' AND next_attempt_at <= {now} ORDER BY next_attempt_at LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
            .AsNoTracking()
            .ToListAsync(ct);
        if (batch.Count == 0)
        {
            return false;
        }
        var words = scope.ServiceProvider.GetRequiredService<CaseLetterWords>();
        var today = (await scope.ServiceProvider.GetRequiredService<CouncilClockSource>().GetAsync(db, ct)).LocalDate(now);
        var caseWorkflowDown = false;
        var events = new List<OutboxEvent>();
        SmtpClient? smtp = null;
        try
        {
            foreach (var m in batch)
            {
                if (m.CaseLetterCode is not null)
                {
                    // Once CaseWorkflow is found down, the batch's other letters wait without asking it again.
                    var failure = caseWorkflowDown ? null : await CompleteAsync(words, m, ct);
                    if (caseWorkflowDown || failure is not null)
                    {
                        caseWorkflowDown = caseWorkflowDown || CaseLetterWords.IsUnavailable(failure!);
                        var error = failure?.GetType().Name ?? "CaseWorkflowUnavailable";
                        Retry(m, now, error, waitingForCaseWorkflow: caseWorkflowDown);
                        logger.LogWarning("Words of letter {CorrespondenceId} not fetched from CaseWorkflow (attempt {Attempt}): {Error}", m.Id, m.Attempts, error);
                        continue;
                    }
                }
                var facts = JsonSerializer.Deserialize<Dictionary<string, string>>(m.FactsJson) ?? [];
                // A receipt email's status link carries the token: only the email sent has it, never the copy kept.
                var link = statusLinks.For(m);
                var rendered = Templates.Render(m.TemplateCode, link is { } l ? With(facts, l.Kept) : facts, m.Reference);
                m.Subject = rendered.Subject;
                if (m.DeliveredBy == DeliveryChannel.Letter)
                {
                    m.Document = Encoding.UTF8.GetBytes(Documents.Letter(rendered, m.RecipientName, m.RecipientAddress, m.Reference, today, m.LargePrint));
                    m.MediaType = Documents.HtmlMediaType;
                    m.Status = CorrespondenceStatus.ReadyToPrint;
                }
                else
                {
                    var html = Documents.EmailHtml(rendered, m.RecipientName, m.LargePrint);
                    var sent = link is { } s ? Templates.Render(m.TemplateCode, With(facts, s.Sent), m.Reference) : rendered;
                    try
                    {
                        smtp ??= await email.ConnectAsync(ct);
                        await smtp.SendAsync(email.Build(m.RecipientName, m.RecipientAddress, sent.Subject,
                            Documents.EmailText(sent, m.RecipientName), Documents.EmailHtml(sent, m.RecipientName, m.LargePrint), m.Id), ct);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        Retry(m, now, ex.GetType().Name, waitingForCaseWorkflow: false);
                        logger.LogWarning("Email {CorrespondenceId} not sent (attempt {Attempt}): {ExceptionType}", m.Id, m.Attempts, ex.GetType().Name);
                        smtp?.Dispose();
                        smtp = null;
                        continue;
                    }
                    m.Document = Encoding.UTF8.GetBytes(html);
                    m.MediaType = Documents.HtmlMediaType;
                    m.Status = CorrespondenceStatus.Sent;
                }
                m.SentAt = now;
                m.WithinDeadline = m.Deadline is null || today <= m.Deadline;
                events.Add(Outbox.Event(new CorrespondenceSent
                {
                    CorrespondenceId = m.Id.ToString(),
                    ContactId = m.ContactId?.ToString() ?? "",
                    CaseId = m.CaseId ?? "",
                    TemplateCode = m.TemplateCode,
                    DeliveredBy = m.DeliveredBy == DeliveryChannel.Email ? Channel.Email : Channel.Letter,
                    SentAt = Timestamp.FromDateTime(DateTime.SpecifyKind(now, DateTimeKind.Utc)),
                    WithinDeadline = m.WithinDeadline.Value,
                }, now));
            }
            await SaveAsync(db, tx, batch, events, ct);
            await tx.CommitAsync(ct);
            if (events.Count > 0)
            {
                commits.Announce();
            }
        }
        finally
        {
            if (smtp is not null)
            {
                try
                {
                    await smtp.DisconnectAsync(true, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The messages are sent; a failed QUIT changes nothing.
                }
                smtp.Dispose();
            }
        }
        return batch.Count == BatchSize;
    }

    // Every row's new state in one UPDATE from arrays (the rows are locked by this transaction), then
    // the events, in one round trip.
    private async Task SaveAsync(IntakeDbContext db, IDbContextTransaction tx, List<CorrespondenceMessage> batch,
        List<OutboxEvent> events, CancellationToken ct)
    {
        await using var command = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection())
        {
            Transaction = (NpgsqlTransaction)tx.GetDbTransaction(),
        };
        var update = new NpgsqlBatchCommand(UpdateSql);
        Array(update, NpgsqlDbType.Uuid, batch.Select(m => m.Id));
        Array(update, NpgsqlDbType.Text, batch.Select(m => m.TemplateCode));
        Array(update, NpgsqlDbType.Text, batch.Select(m => m.FactsJson));
        Array(update, NpgsqlDbType.Text, batch.Select(m => m.CaseLetterCode));
        Array(update, NpgsqlDbType.Text, batch.Select(m => m.CaseLetterRequestId));
        Array(update, NpgsqlDbType.Text, batch.Select(m => m.Subject));
        Array(update, NpgsqlDbType.Text, batch.Select(m => m.MediaType));
        Array(update, NpgsqlDbType.Bytea, batch.Select(m => m.Document));
        Array(update, NpgsqlDbType.Text, batch.Select(m => m.Status));
        Array(update, NpgsqlDbType.TimestampTz, batch.Select(m => m.SentAt));
        Array(update, NpgsqlDbType.Boolean, batch.Select(m => m.WithinDeadline));
        Array(update, NpgsqlDbType.Integer, batch.Select(m => m.Attempts));
        Array(update, NpgsqlDbType.TimestampTz, batch.Select(m => m.NextAttemptAt));
        Array(update, NpgsqlDbType.Text, batch.Select(m => m.LastError));
        command.BatchCommands.Add(update);
        var inserter = EventRows(db);
        foreach (var e in events)
        {
            inserter.Add(command, e);
        }
        await command.ExecuteNonQueryAsync(ct);
        if (update.RecordsAffected != batch.Count)
        {
            throw new InvalidOperationException($"{update.RecordsAffected} of {batch.Count} correspondence rows updated.");
        }
    }

    private const string UpdateSql = """
        UPDATE intake.correspondence AS c
        SET template_code = u.template_code, facts_json = u.facts_json::jsonb, case_letter_code = u.case_letter_code,
            case_letter_request_id = u.case_letter_request_id, subject = u.subject, media_type = u.media_type,
            document = u.document, status = u.status, sent_at = u.sent_at, within_deadline = u.within_deadline,
            attempts = u.attempts, next_attempt_at = u.next_attempt_at, last_error = u.last_error
        FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
            AS u (id, template_code, facts_json, case_letter_code, case_letter_request_id, subject, media_type,
                  document, status, sent_at, within_deadline, attempts, next_attempt_at, last_error)
        WHERE c.id = u.id
        """;

    private static void Array<T>(NpgsqlBatchCommand command, NpgsqlDbType type, IEnumerable<T> values) =>
        command.Parameters.Add(new NpgsqlParameter<T[]> { NpgsqlDbType = NpgsqlDbType.Array | type, TypedValue = values.ToArray() });

    private RowInserter<OutboxEvent>? _eventRows;

    private RowInserter<OutboxEvent> EventRows(IntakeDbContext db) =>
        _eventRows ??= RowInserter<OutboxEvent>.TryCreate(db.Model)
            ?? throw new InvalidOperationException("Outbox events cannot be inserted as plain rows.");

    private static Dictionary<string, string> With(Dictionary<string, string> facts, string statusLink) =>
        new(facts) { [StatusLinks.Fact] = statusLink };

    // The exception when the words could not be fetched, else null.
    private static async Task<Exception?> CompleteAsync(CaseLetterWords words, CorrespondenceMessage m, CancellationToken ct)
    {
        try
        {
            await words.CompleteAsync(m, ct);
            return null;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            return ex;
        }
    }

    private void Retry(CorrespondenceMessage m, DateTime now, string error, bool waitingForCaseWorkflow)
    {
        m.Attempts++;
        m.LastError = error;
        m.Status = m.Attempts >= MaxAttempts && !waitingForCaseWorkflow ? CorrespondenceStatus.Failed : CorrespondenceStatus.Pending;
        var delay = _retryDelay * Math.Pow(2, Math.Min(m.Attempts, 20));
        m.NextAttemptAt = now + (delay < MaxRetryDelay ? delay : MaxRetryDelay);
    }
}
