using System.Text;
using System.Text.Json;
using ComplaintsPlatform.Intake.Data;
using ComplaintsPlatform.Intake.Domain;
using ComplaintsPlatform.Intake.Events;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Messaging.Outbox;
using Google.Protobuf.WellKnownTypes;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Intake.Correspondence;

/// <summary>
/// Delivers queued messages: renders each, sends emails over SMTP, stores letters ready to print, and
/// records what went, to whom, when, how and whether within its deadline, with a CorrespondenceSent
/// event in the same transaction. Rows are claimed with SKIP LOCKED, so replicas share the work.
/// Delivery is at least once: an email whose record fails to commit is sent again. A letter CaseWorkflow
/// asked for gets its words here, just before it goes; while CaseWorkflow is unavailable it waits,
/// retried with the same backoff, and never fails for that alone.
/// </summary>
internal sealed class CorrespondenceDispatcher(
    IServiceScopeFactory scopes,
    CorrespondenceSignal signal,
    EmailSender email,
    StatusLinks statusLinks,
    IOutbox outbox,
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
            .ToListAsync(ct);
        if (batch.Count == 0)
        {
            return false;
        }
        var words = scope.ServiceProvider.GetRequiredService<CaseLetterWords>();
        var today = (await scope.ServiceProvider.GetRequiredService<CouncilClockSource>().GetAsync(db, ct)).LocalDate(now);
        var caseWorkflowDown = false;
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
                outbox.Add(db, new CorrespondenceSent
                {
                    CorrespondenceId = m.Id.ToString(),
                    ContactId = m.ContactId?.ToString() ?? "",
                    CaseId = m.CaseId ?? "",
                    TemplateCode = m.TemplateCode,
                    DeliveredBy = m.DeliveredBy == DeliveryChannel.Email ? Channel.Email : Channel.Letter,
                    SentAt = Timestamp.FromDateTime(DateTime.SpecifyKind(now, DateTimeKind.Utc)),
                    WithinDeadline = m.WithinDeadline.Value,
                });
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
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
