using System.Linq.Expressions;
using System.Security.Cryptography;
using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Intake.Correspondence;
using ComplaintsPlatform.Intake.Data;
using ComplaintsPlatform.Intake.Domain;
using ComplaintsPlatform.Intake.Events;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Messaging.Outbox;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ComplaintsPlatform.Intake.Grpc;

/// <summary>Receiving contacts (this file), triage and reads (the other parts).</summary>
public sealed partial class IntakeService(
    IntakeDbContext db,
    IOutbox outbox,
    StatusTokens tokens,
    CorrespondenceSignal correspondence,
    CouncilClockSource councilClock,
    IOptions<IntakeOptions> options,
    TimeProvider clock) : V1.Intake.IntakeBase
{
    private const string RequestIdIndex = "ix_contacts_client_request_id";

    [AllowAnonymous]
    public override async Task<SubmitReply> Submit(SubmitRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        if (caller.ServiceName is not null)
        {
            throw new AccessDeniedException("Contacts come from people, not from services.");
        }
        // A person submits without signing in; only staff and the complaints team log a contact on
        // someone's behalf (and may say when it really arrived). Other officers' tokens are not that.
        if (caller.IsAuthenticated && !caller.IsAnyOf(Roles.Staff, Roles.ComplaintsTeam))
        {
            throw new AccessDeniedException("Only staff and the complaints team log a contact on someone's behalf.");
        }
        var byStaff = caller.IsAuthenticated;
        var now = clock.GetUtcNow();
        var serviceAreas = request.ServiceAreaId.Length > 0
            ? (await db.ServiceAreas.AsNoTracking().Select(s => s.Id).ToListAsync(context.CancellationToken)).ToHashSet()
            : null;
        var council = await councilClock.GetAsync(db, context.CancellationToken);
        SubmissionRules.Validate(request, byStaff, now, council.LocalDate(now), options.Value, serviceAreas);

        var fingerprint = SHA256.HashData(request.ToByteArray());
        try
        {
            return await RecordAsync(request, caller, byStaff, now, council, fingerprint, context.CancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: RequestIdIndex })
        {
            // A concurrent attempt with the same request id won: give its result.
            db.ChangeTracker.Clear();
            return await ReplayAsync(c => c.ClientRequestId == request.ClientRequestId, fingerprint, context.CancellationToken);
        }
    }

    private async Task<SubmitReply> ReplayAsync(Expression<Func<Contact, bool>> recorded, byte[] fingerprint, CancellationToken ct)
    {
        var first = await db.Contacts.AsNoTracking().Where(recorded)
            .Select(c => new { c.Id, c.Reference, c.ReceivedAt, c.RequestFingerprint }).SingleAsync(ct);
        return Replay(first.Id, first.Reference, first.ReceivedAt, first.RequestFingerprint, fingerprint);
    }

    private SubmitReply Replay(Guid id, string reference, DateTime receivedAt, byte[] storedFingerprint, byte[] fingerprint)
    {
        if (!CryptographicOperations.FixedTimeEquals(storedFingerprint, fingerprint))
        {
            throw new AlreadyExistsException("A different submission with this client_request_id");
        }
        return new SubmitReply
        {
            ContactId = id.ToString(),
            Reference = reference,
            StatusToken = tokens.For(id),
            ReceivedAt = Timestamp.FromDateTime(DateTime.SpecifyKind(receivedAt, DateTimeKind.Utc)),
        };
    }

    private async Task<SubmitReply> RecordAsync(SubmitRequest r, Caller caller, bool byStaff, DateTimeOffset now,
        CouncilClock council, byte[] fingerprint, CancellationToken ct)
    {
        // PostgreSQL keeps microseconds: the reply must show the instant exactly as stored.
        var received = Microseconds(byStaff && r.ReceivedAt is not null ? r.ReceivedAt.ToDateTimeOffset() : now);
        var contactDetails = r.Contact ?? new ContactDetails();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var person = await Persons.ResolveAsync(db, r.ClientRequestId, Persons.MatchKey(contactDetails), now.UtcDateTime, ct);
        if (person.RecordedContactId is { } recordedId)
        {
            return await ReplayAsync(c => c.Id == recordedId, fingerprint, ct);
        }
        var contact = ContactMapping.NewContact(r, person.Id, received, council.LocalDate(received), now, byStaff ? caller.Subject : null, fingerprint);
        contact.Reference = $"CP-{council.LocalDate(now).Year}-{person.Number:D6}";
        var statusToken = tokens.For(contact.Id);
        contact.StatusTokenHash = StatusTokens.Hash(statusToken);
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
            await FlagPossibleDuplicatesAsync(contact, ct);
            await RestrictionScreenings.FlagIfRestrictedAsync(db, contact, now.UtcDateTime, ct);
        }
        db.Correspondence.Add(CorrespondenceDesk.ForContact(contact, Templates.Receipt, new Dictionary<string, string>(),
            $"receipt:{contact.Id}", caseId: null, deadline: null, now.UtcDateTime));
        outbox.Add(db, new ContactReceived
        {
            ContactId = contact.Id.ToString(),
            Reference = contact.Reference,
            Kind = r.Kind,
            Channel = (Channel)contact.Channel,
            ReceivedAt = Timestamp.FromDateTimeOffset(received),
            ServiceAreaId = contact.ServiceAreaId ?? "",
            HasRepresentative = contact.HasRepresentative,
        });
        // Any failure abandons the whole transaction, so the savepoint EF would wrap this save in
        // (two more round trips) has nothing to protect.
        db.Database.AutoSavepointsEnabled = false;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        correspondence.Notify();
        return new SubmitReply
        {
            ContactId = contact.Id.ToString(),
            Reference = contact.Reference,
            StatusToken = statusToken,
            ReceivedAt = Timestamp.FromDateTimeOffset(received),
        };
    }

    // Same person, a recent window either side of receipt, similar words: flagged for the team, never merged.
    private async Task FlagPossibleDuplicatesAsync(Contact contact, CancellationToken ct)
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
            """).ToListAsync(ct);
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

    private static DateTimeOffset Microseconds(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % 10, TimeSpan.Zero);

    private sealed record DuplicateCandidate(Guid Id, double Similarity);
}
