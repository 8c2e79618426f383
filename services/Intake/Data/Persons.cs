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

    public static async Task<Guid> ResolveAsync(IntakeDbContext db, string? matchKey, DateTime now, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        if (matchKey is null)
        {
            await db.Database.ExecuteSqlAsync($"INSERT INTO intake.persons (id, match_key, created_at) VALUES ({id}, NULL, {now})", ct);
            return id;
        }
        // An upsert that always returns the row's id, whether it was inserted now or long ago.
        await foreach (var existing in db.Database.SqlQuery<Guid>($"""
            INSERT INTO intake.persons (id, match_key, created_at) VALUES ({id}, {matchKey}, {now})
            ON CONFLICT (match_key) DO UPDATE SET match_key = EXCLUDED.match_key
            RETURNING id AS "Value"
            """).AsAsyncEnumerable().WithCancellation(ct))
        {
            return existing;
        }
        throw new InvalidOperationException("The person upsert returned no row.");
    }
}
