using ComplaintsPlatform.Intake.V1;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Intake.Data;

/// <summary>Finds or creates the person behind a contact, by email or else phone, safely under concurrency.</summary>
public static class Persons
{
    public static string? MatchKey(ContactDetails c)
    {
        if (c.Email.Length > 0)
        {
            return "e:" + c.Email.Trim().ToLowerInvariant();
        }
        var digits = new string(c.Phone.Where(char.IsAsciiDigit).ToArray());
        // +44 7700 900123 and 07700 900123 are the same phone.
        if (digits.StartsWith("44", StringComparison.Ordinal) && c.Phone.TrimStart().StartsWith('+'))
        {
            digits = "0" + digits[2..];
        }
        return digits.Length > 0 ? "p:" + digits : null;
    }

    /// <summary>
    /// In one round trip: if a contact already holds <paramref name="clientRequestId"/>, that contact
    /// (and nothing written, no number taken); otherwise the person's id, whether they are new, and
    /// the next reference number, from an upsert that returns the row whether it was inserted now or
    /// long ago. The unique index on the request id still decides between two concurrent attempts.
    /// </summary>
    public static async Task<PersonAndNumber> ResolveAsync(IntakeDbContext db, string clientRequestId, string? matchKey, DateTime now,
        CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        var rows = matchKey is null
            ? db.Database.SqlQuery<PersonAndNumber>($"""
                WITH recorded AS (SELECT id, person_id FROM intake.contacts WHERE client_request_id = {clientRequestId}),
                p AS (
                    INSERT INTO intake.persons (id, match_key, created_at)
                    SELECT {id}, NULL, {now} WHERE NOT EXISTS (SELECT FROM recorded)
                    RETURNING id)
                SELECT id, true AS is_new, nextval('intake.contact_reference_seq') AS number, NULL::uuid AS recorded_contact_id FROM p
                UNION ALL
                SELECT person_id, false, 0, id FROM recorded
                """)
            : db.Database.SqlQuery<PersonAndNumber>($"""
                WITH recorded AS (SELECT id, person_id FROM intake.contacts WHERE client_request_id = {clientRequestId}),
                p AS (
                    INSERT INTO intake.persons (id, match_key, created_at)
                    SELECT {id}, {matchKey}, {now} WHERE NOT EXISTS (SELECT FROM recorded)
                    ON CONFLICT (match_key) DO UPDATE SET match_key = EXCLUDED.match_key
                    RETURNING id, (xmax = 0) AS is_new)
                SELECT id, is_new, nextval('intake.contact_reference_seq') AS number, NULL::uuid AS recorded_contact_id FROM p
                UNION ALL
                SELECT person_id, false, 0, id FROM recorded
                """);
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            return row;
        }
        throw new InvalidOperationException("The person upsert returned no row.");
    }
}

/// <summary>The person and the contact's number, or <see cref="RecordedContactId"/> when the request was recorded before.</summary>
public sealed record PersonAndNumber(Guid Id, bool IsNew, long Number, Guid? RecordedContactId);
