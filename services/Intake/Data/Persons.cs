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
    /// The person's id, whether they are new, and the next reference number, in one round trip:
    /// an upsert that returns the row whether it was inserted now or long ago.
    /// </summary>
    public static async Task<PersonAndNumber> ResolveAsync(IntakeDbContext db, string? matchKey, DateTime now, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        var rows = matchKey is null
            ? db.Database.SqlQuery<PersonAndNumber>($"""
                WITH p AS (INSERT INTO intake.persons (id, match_key, created_at) VALUES ({id}, NULL, {now}) RETURNING id)
                SELECT id, true AS is_new, nextval('intake.contact_reference_seq') AS number FROM p
                """)
            : db.Database.SqlQuery<PersonAndNumber>($"""
                WITH p AS (
                    INSERT INTO intake.persons (id, match_key, created_at) VALUES ({id}, {matchKey}, {now})
                    ON CONFLICT (match_key) DO UPDATE SET match_key = EXCLUDED.match_key
                    RETURNING id, (xmax = 0) AS is_new)
                SELECT id, is_new, nextval('intake.contact_reference_seq') AS number FROM p
                """);
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            return row;
        }
        throw new InvalidOperationException("The person upsert returned no row.");
    }
}

public sealed record PersonAndNumber(Guid Id, bool IsNew, long Number);
