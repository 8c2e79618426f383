using System.Linq.Expressions;
using System.Security.Cryptography;
using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.Hosting;
using ComplaintsPlatform.Intake.Correspondence;
using ComplaintsPlatform.Intake.Data;
using ComplaintsPlatform.Intake.Domain;
using ComplaintsPlatform.Intake.Events;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Messaging.Outbox;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace ComplaintsPlatform.Intake.Grpc;

/// <summary>A checked submission waiting to be recorded, and its caller's answer.</summary>
public sealed class PendingSubmission(SubmitRequest request, string? recordedBy, bool byStaff, DateTimeOffset now,
    CouncilClock council, byte[] fingerprint)
{
    public SubmitRequest Request { get; } = request;
    public string? RecordedBy { get; } = recordedBy;
    public bool ByStaff { get; } = byStaff;
    public DateTimeOffset Now { get; } = now;
    public CouncilClock Council { get; } = council;
    public byte[] Fingerprint { get; } = fingerprint;
    public string? MatchKey { get; } = Persons.MatchKey(request.Contact ?? new ContactDetails());
    public TaskCompletionSource<SubmitReply> Reply { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// Records submissions. Those that arrive together are written in one transaction (group commit), and
/// each caller is answered only after that commit. Numbers come from <see cref="ReferenceNumbers"/>.
/// Submissions without attachments or equality answers (most of them) take one round trip: every
/// person is upserted, each contact, receipt and event is inserted only if its person was created just
/// then, and the COMMIT follows in the same batch. A person seen before (whose contact needs the
/// duplicate and restriction checks) is then written through EF in a second transaction, with anything
/// that has attachments or equality answers: one round trip for the persons, then EF's save and the commit. A batch that
/// fails for any reason is written again one submission at a time, so one bad submission costs the
/// others nothing and each caller gets its own answer. Two submissions of a batch with the same request
/// id or the same person are never written side by side: the later waits for the earlier's commit, so
/// a retry gets the first result and a person's second contact is checked against their first for
/// duplicates (ADR 0026).
/// </summary>
public sealed class SubmissionWriter(
    IServiceScopeFactory scopes,
    IOutbox outbox,
    StatusTokens tokens,
    CorrespondenceSignal correspondence,
    OutboxCommits<IntakeDbContext> commits,
    ReferenceNumbers numbers,
    IOptions<IntakeOptions> options,
    TimeProvider clock,
    ILogger<SubmissionWriter> logger) : BackgroundService
{
    private const string RequestIdIndex = "ix_contacts_client_request_id";
    private readonly System.Threading.Channels.Channel<PendingSubmission> _queue = System.Threading.Channels.Channel.CreateUnbounded<PendingSubmission>();
    private PlainRows? _plainRows;

    // A new person's contact with no attachments and no equality answers (most of them) is written as
    // three prepared inserts, without EF's change tracking, each made only if the statement before it
    // created the person (for the contact) or wrote the contact (for its receipt and event).
    private sealed record PlainRows(RowInserter<Contact> ContactsIfNewPerson, RowInserter<CorrespondenceMessage> ReceiptsIfContact,
        RowInserter<OutboxEvent> EventsIfContact);

    public Task<SubmitReply> RecordAsync(PendingSubmission submission)
    {
        if (!_queue.Writer.TryWrite(submission))
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "Intake is shutting down: try again."));
        }
        return submission.Reply.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var model = scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Model;
            _plainRows = RowInserter<Contact>.TryCreate(model) is { } contacts
                && RowInserter<CorrespondenceMessage>.TryCreate(model) is { } receipts
                && RowInserter<OutboxEvent>.TryCreate(model) is { } events
                ? new PlainRows(contacts.OnlyIfExists(Extensions.Schema, "persons", "id"),
                    receipts.OnlyIfExists(Extensions.Schema, "contacts", "id"), events.OnlyIfExists(Extensions.Schema, "contacts", "id"))
                : null;
        }
        // Each writer takes whatever has queued while the others were busy, so a lone caller waits for
        // nobody and a busy service writes a few submissions per commit.
        var writers = Math.Max(1, options.Value.SubmitWriters);
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(WriteLoopAsync, CancellationToken.None)));
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        // Refuse new submissions; what is queued is still written before the writers end.
        _queue.Writer.TryComplete();
        return base.StopAsync(cancellationToken);
    }

    private async Task WriteLoopAsync()
    {
        var limit = Math.Max(1, options.Value.SubmitBatchLimit);
        var batch = new List<PendingSubmission>(limit);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < limit && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }
            await WriteBatchAsync(batch);
            batch.Clear();
        }
    }

    private async Task WriteBatchAsync(List<PendingSubmission> batch)
    {
        var together = new List<PendingSubmission>(batch.Count);
        var after = new List<PendingSubmission>();
        var requestIds = new HashSet<string>(StringComparer.Ordinal);
        var people = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in batch)
        {
            var clash = requestIds.Contains(s.Request.ClientRequestId) || (s.MatchKey is not null && people.Contains(s.MatchKey));
            requestIds.Add(s.Request.ClientRequestId);
            if (s.MatchKey is not null)
            {
                people.Add(s.MatchKey);
            }
            (clash ? after : together).Add(s);
        }
        if (together.Count > 1)
        {
            // The same order of persons in every batch, so two writers never wait for each other in a circle.
            together.Sort((a, b) => string.CompareOrdinal(a.MatchKey, b.MatchKey));
            try
            {
                await WriteTogetherAsync(together);
                together.Clear();
            }
            catch (Exception ex)
            {
                logger.LogInformation("A batch of {Count} submissions was not written together ({ExceptionType}); each is written alone",
                    together.Count, ex.GetType().Name);
            }
        }
        // A failed batch may have answered some callers already (their rows committed before the rest failed).
        foreach (var s in together.Concat(after).Where(s => !s.Reply.Task.IsCompleted))
        {
            await WriteAloneAsync(s);
        }
    }

    private async Task WriteAloneAsync(PendingSubmission s)
    {
        try
        {
            await WriteTogetherAsync([s]);
        }
        catch (Exception ex) when ((ex as PostgresException ?? ex.InnerException as PostgresException) is
            { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: RequestIdIndex })
        {
            // A concurrent attempt with the same request id won: give its result.
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            await AnswerWithRecordedAsync(db, s, c => c.ClientRequestId == s.Request.ClientRequestId);
        }
        catch (Exception ex)
        {
            s.Reply.TrySetException(ex);
        }
    }

    // Writes the submissions and answers each caller once their rows have committed; on any failure
    // before a commit it throws and answers nobody it has not answered.
    private async Task WriteTogetherAsync(IReadOnlyList<PendingSubmission> submissions)
    {
        var throughEf = submissions;
        if (_plainRows is { } rows && submissions.Any(IsPlain))
        {
            var again = await WriteInOneRoundTripAsync([.. submissions.Where(IsPlain)], rows);
            throughEf = [.. submissions.Where(s => !IsPlain(s)), .. again];
        }
        if (throughEf.Count > 0)
        {
            await WriteThroughEfAsync(throughEf);
        }
    }

    private static bool IsPlain(PendingSubmission s) => s.Request.Attachments.Count == 0 && s.Request.EqualityMonitoring is null;

    // The common case, in one round trip: every person upserted, then each contact, receipt and event
    // inserted only if its person was created just now, then the commit. A person seen before needs
    // the duplicate and restriction checks, so their submission comes back, unwritten, to be written
    // through EF; a retry of a recorded request is answered with its first result.
    private async Task<IReadOnlyList<PendingSubmission>> WriteInOneRoundTripAsync(IReadOnlyList<PendingSubmission> submissions, PlainRows rows)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var transaction = (NpgsqlTransaction)tx.GetDbTransaction();
        var taken = await numbers.TakeAsync(connection, transaction, submissions.Count, CancellationToken.None);
        await using var batch = new NpgsqlBatch(connection) { Transaction = transaction };
        var staged = new Staged[submissions.Count];
        for (var i = 0; i < submissions.Count; i++)
        {
            var s = submissions[i];
            var personId = Guid.CreateVersion7();
            Persons.Add(batch, s.Request.ClientRequestId, s.MatchKey, personId, s.Now.UtcDateTime);
            staged[i] = Stage(s, personId, taken[i]);
        }
        foreach (var st in staged)
        {
            rows.ContactsIfNewPerson.Add(batch, st.Contact, st.Contact.PersonId);
        }
        foreach (var st in staged)
        {
            rows.ReceiptsIfContact.Add(batch, st.Receipt, st.Contact.Id);
            rows.EventsIfContact.Add(batch, Messaging.Outbox.Outbox.Event(st.Announced, clock.GetUtcNow().UtcDateTime), st.Contact.Id);
        }
        // Should any statement fail, PostgreSQL skips the rest of the batch, the COMMIT included, and the
        // transaction is rolled back when it is disposed.
        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        var persons = new ResolvedPerson[submissions.Count];
        await using (var reader = await batch.ExecuteReaderAsync())
        {
            for (var i = 0; i < submissions.Count; i++)
            {
                persons[i] = await Persons.ReadAsync(reader, CancellationToken.None);
                await reader.NextResultAsync();
            }
            while (await reader.NextResultAsync())
            {
                // the inserts and the commit: read through, so that an error among them is thrown here
            }
        }
        await tx.DisposeAsync();

        var written = 0;
        var unused = new List<long>();
        var again = new List<PendingSubmission>();
        var recorded = new List<(PendingSubmission Submission, Guid ContactId)>();
        for (var i = 0; i < submissions.Count; i++)
        {
            // The rows were written exactly when the upsert created the person.
            if (persons[i] is { IsNew: true, RecordedContactId: null })
            {
                written++;
                submissions[i].Reply.TrySetResult(staged[i].Reply);
                continue;
            }
            unused.Add(taken[i]);
            if (persons[i].RecordedContactId is { } contactId)
            {
                recorded.Add((submissions[i], contactId));
            }
            else
            {
                again.Add(submissions[i]);
            }
        }
        numbers.Return(unused);
        if (written > 0)
        {
            commits.Announce();
            correspondence.Notify();
        }
        foreach (var (s, contactId) in recorded)
        {
            await AnswerWithRecordedAsync(db, s, c => c.Id == contactId);
        }
        return again;
    }

    // Anything else, through EF: one round trip finds or creates the persons, then the rows are saved
    // and committed.
    private async Task WriteThroughEfAsync(IReadOnlyList<PendingSubmission> submissions)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync();
        var persons = await Persons.ResolveAsync(db,
            submissions.Select(s => (s.Request.ClientRequestId, s.MatchKey, s.Now.UtcDateTime)).ToList(), CancellationToken.None);
        var fresh = persons.Count(p => p.RecordedContactId is null);
        var taken = fresh == 0 ? [] : await numbers.TakeAsync((NpgsqlConnection)db.Database.GetDbConnection(),
            (NpgsqlTransaction)tx.GetDbTransaction(), fresh, CancellationToken.None);
        var replies = new SubmitReply?[submissions.Count];
        var next = 0;
        for (var i = 0; i < submissions.Count; i++)
        {
            if (persons[i].RecordedContactId is null)
            {
                replies[i] = await StageAsync(db, submissions[i], persons[i], taken[next++]);
            }
        }
        // Any failure abandons the whole transaction, so the savepoint EF would wrap this save in (two
        // more round trips) has nothing to protect.
        db.Database.AutoSavepointsEnabled = false;
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        // EF forgets the transaction, so the answers below read outside it.
        await tx.DisposeAsync();
        correspondence.Notify();

        for (var i = 0; i < submissions.Count; i++)
        {
            if (replies[i] is { } reply)
            {
                submissions[i].Reply.TrySetResult(reply);
            }
            else
            {
                var recordedId = persons[i].RecordedContactId!.Value;
                await AnswerWithRecordedAsync(db, submissions[i], c => c.Id == recordedId);
            }
        }
    }

    private sealed record Staged(Contact Contact, CorrespondenceMessage Receipt, ContactReceived Announced, SubmitReply Reply);

    // A submission's contact (numbered, with its status token), receipt, event and answer, written nowhere yet.
    private Staged Stage(PendingSubmission s, Guid personId, long number)
    {
        var r = s.Request;
        var now = s.Now;
        // PostgreSQL keeps microseconds: the reply must show the instant exactly as stored.
        var received = Microseconds(s.ByStaff && r.ReceivedAt is not null ? r.ReceivedAt.ToDateTimeOffset() : now);
        var contact = ContactMapping.NewContact(r, personId, received, s.Council.LocalDate(received), now, s.RecordedBy, s.Fingerprint);
        contact.Reference = $"CP-{s.Council.LocalDate(now).Year}-{number:D6}";
        var statusToken = tokens.For(contact.Id);
        contact.StatusTokenHash = StatusTokens.Hash(statusToken);
        var receipt = CorrespondenceDesk.ForContact(contact, Templates.Receipt, new Dictionary<string, string>(),
            $"receipt:{contact.Id}", caseId: null, deadline: null, now.UtcDateTime);
        var announced = new ContactReceived
        {
            ContactId = contact.Id.ToString(),
            Reference = contact.Reference,
            Kind = r.Kind,
            Channel = (Channel)contact.Channel,
            ReceivedAt = Timestamp.FromDateTimeOffset(received),
            ServiceAreaId = contact.ServiceAreaId ?? "",
            HasRepresentative = contact.HasRepresentative,
        };
        var reply = new SubmitReply
        {
            ContactId = contact.Id.ToString(),
            Reference = contact.Reference,
            StatusToken = statusToken,
            ReceivedAt = Timestamp.FromDateTimeOffset(received),
        };
        return new Staged(contact, receipt, announced, reply);
    }

    private async Task<SubmitReply> StageAsync(IntakeDbContext db, PendingSubmission s, ResolvedPerson person, long number)
    {
        var r = s.Request;
        var staged = Stage(s, person.Id, number);
        var contact = staged.Contact;
        db.Contacts.Add(contact);
        foreach (var a in r.Attachments)
        {
            var content = a.Content.ToByteArray();
            contact.Attachments.Add(new Attachment
            {
                Id = Guid.CreateVersion7(),
                FileName = a.FileName,
                // What the content is, not what the client called it (the rules refused anything unrecognised).
                ContentType = AttachmentTypes.Detect(content) ?? "application/octet-stream",
                SizeBytes = content.Length,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
                Content = content,
            });
        }
        if (r.EqualityMonitoring is { } eq)
        {
            db.EqualityAnswers.Add(ContactMapping.Equality(eq, contact));
        }
        if (!person.IsNew)
        {
            await FlagPossibleDuplicatesAsync(db, contact);
            await RestrictionScreenings.FlagIfRestrictedAsync(db, contact, s.Now.UtcDateTime, CancellationToken.None);
        }
        db.Correspondence.Add(staged.Receipt);
        outbox.Add(db, staged.Announced);
        return staged.Reply;
    }

    // Same person, a recent window either side of receipt, similar words: flagged for the team, never merged.
    private async Task FlagPossibleDuplicatesAsync(IntakeDbContext db, Contact contact)
    {
        var window = TimeSpan.FromDays(options.Value.DuplicateWindowDays);
        var from = contact.ReceivedAt - window;
        var to = contact.ReceivedAt + window;
        var threshold = options.Value.DuplicateSimilarity;
        var candidates = await db.Database.SqlQuery<DuplicateCandidate>($"""
            SELECT id, public.similarity(description, {contact.Description})::float8 AS similarity
            FROM intake.contacts
            WHERE person_id = {contact.PersonId} AND received_at BETWEEN {from} AND {to}
              AND public.similarity(description, {contact.Description}) >= {threshold}
            ORDER BY 2 DESC LIMIT 5
            """).ToListAsync();
        foreach (var c in candidates)
        {
            contact.DuplicateFlags.Add(new Data.DuplicateFlag
            {
                Id = Guid.CreateVersion7(),
                OtherContactId = c.Id,
                Similarity = Math.Round(c.Similarity, 3),
            });
        }
    }

    // The contact recorded before under this request id: its answer again, or a refusal if this
    // submission differs from it.
    private async Task AnswerWithRecordedAsync(IntakeDbContext db, PendingSubmission s, Expression<Func<Contact, bool>> recorded)
    {
        try
        {
            var first = await db.Contacts.AsNoTracking().Where(recorded)
                .Select(c => new { c.Id, c.Reference, c.ReceivedAt, c.RequestFingerprint }).SingleAsync();
            if (!CryptographicOperations.FixedTimeEquals(first.RequestFingerprint, s.Fingerprint))
            {
                throw new Hosting.Errors.AlreadyExistsException("A different submission with this client_request_id");
            }
            s.Reply.TrySetResult(new SubmitReply
            {
                ContactId = first.Id.ToString(),
                Reference = first.Reference,
                StatusToken = tokens.For(first.Id),
                ReceivedAt = Timestamp.FromDateTime(DateTime.SpecifyKind(first.ReceivedAt, DateTimeKind.Utc)),
            });
        }
        catch (Exception ex)
        {
            s.Reply.TrySetException(ex);
        }
    }

    private static DateTimeOffset Microseconds(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % 10, TimeSpan.Zero);

    private sealed record DuplicateCandidate(Guid Id, double Similarity);
}
