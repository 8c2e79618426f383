using ComplaintsPlatform.Intake.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace ComplaintsPlatform.Intake.Data;

/// <summary>Finds or creates the person behind a contact, by email or else phone, safely under concurrency.</summary>
public static class Persons
{
    // If a contact already holds the request id: that contact (nothing written, no number taken).
    // Otherwise the person's id, whether they are new, and the next reference number, from an upsert
    // that returns the row whether it was inserted now or long ago. The unique index on the request id
    // still decides between two concurrent attempts.
    private const string ByKey = """
        WITH recorded AS (SELECT id, person_id FROM intake.contacts WHERE client_request_id = $1),
        p AS (
            INSERT INTO intake.persons (id, match_key, created_at)
            SELECT $2, $3, $4 WHERE NOT EXISTS (SELECT FROM recorded)
            ON CONFLICT (match_key) DO UPDATE SET match_key = EXCLUDED.match_key
            RETURNING id, (xmax = 0) AS is_new)
        SELECT id, is_new, nextval('intake.contact_reference_seq') AS number, NULL::uuid AS recorded_contact_id FROM p
        UNION ALL
        SELECT person_id, false, 0, id FROM recorded
        """;

    private const string WithoutKey = """
        WITH recorded AS (SELECT id, person_id FROM intake.contacts WHERE client_request_id = $1),
        p AS (
            INSERT INTO intake.persons (id, match_key, created_at)
            SELECT $2, NULL, $3 WHERE NOT EXISTS (SELECT FROM recorded)
            RETURNING id)
        SELECT id, true AS is_new, nextval('intake.contact_reference_seq') AS number, NULL::uuid AS recorded_contact_id FROM p
        UNION ALL
        SELECT person_id, false, 0, id FROM recorded
        """;

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
    /// The person and number for each submission, in the open transaction of <paramref name="db"/> and
    /// in one round trip however many there are. Statements run in order, so a later one sees an
    /// earlier one's person; callers keep one submission per request id and per match key.
    /// </summary>
    public static async Task<IReadOnlyList<PersonAndNumber>> ResolveAsync(IntakeDbContext db,
        IReadOnlyList<(string ClientRequestId, string? MatchKey, DateTime Now)> submissions, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var batch = new NpgsqlBatch(connection)
        {
            Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction(),
        };
        foreach (var (clientRequestId, matchKey, now) in submissions)
        {
            var command = new NpgsqlBatchCommand(matchKey is null ? WithoutKey : ByKey);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = clientRequestId });
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.CreateVersion7() });
            if (matchKey is not null)
            {
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = matchKey });
            }
            command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = DateTime.SpecifyKind(now, DateTimeKind.Utc), NpgsqlDbType = NpgsqlDbType.TimestampTz });
            batch.BatchCommands.Add(command);
        }
        var results = new List<PersonAndNumber>(submissions.Count);
        await using var reader = await batch.ExecuteReaderAsync(ct);
        do
        {
            if (!await reader.ReadAsync(ct))
            {
                throw new InvalidOperationException("The person upsert returned no row.");
            }
            results.Add(new PersonAndNumber(reader.GetGuid(0), reader.GetBoolean(1), reader.GetInt64(2),
                reader.IsDBNull(3) ? null : reader.GetGuid(3)));
        }
        while (await reader.NextResultAsync(ct));
        return results;
    }
}

/// <summary>The person and the contact's number, or <see cref="RecordedContactId"/> when the request was recorded before.</summary>
public sealed record PersonAndNumber(Guid Id, bool IsNew, long Number, Guid? RecordedContactId);
