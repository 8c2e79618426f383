using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.Messaging;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.Reporting.Data;
using ComplaintsPlatform.Reporting.Domain;
using Microsoft.EntityFrameworkCore;
using CaseFact = ComplaintsPlatform.Reporting.Data.CaseFact;

namespace ComplaintsPlatform.Reporting.Events;

/// <summary>
/// "Referred to the Ombudsman" per statutory stream for the statutory reports. The enquiry (Ombudsman feed) and
/// the case's stream (CaseWorkflow feed) arrive in either order, so whichever comes second counts it,
/// on the enquiry's date, against the case's stream and service area.
/// The two feeds are applied by two consumers at once, each in its own transaction, and each reads
/// what the other writes: unordered, both could look before either commits and neither would count
/// the referral. So both take one lock, held until they commit, before that read: the second waits
/// for the first's commit and then sees its rows.
/// </summary>
internal static class OmbudsmanReferrals
{
    private static readonly long LockKey = AdvisoryLockKey.For("reporting:ombudsman-referrals");

    /// <summary>Takes the referrals' lock for the rest of the unit of work's transaction (once per transaction).</summary>
    public static async Task SerialiseAsync(ReportingDbContext db, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction?.TransactionId;
        if (transaction is null || db.Facts.ReferralLockHeldIn == transaction)
        {
            return;
        }
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [LockKey], ct);
        db.Facts.ReferralLockHeldIn = transaction;
    }

    public static async Task EnquiryAsync(ReportingDbContext db, CounterBatch batch, EnquiryReceived e, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(e.CaseId))
        {
            return;
        }
        await SerialiseAsync(db, ct);
        if (await db.Set<OmbudsmanReferral>().FindAsync([e.EnquiryId], ct) is not null)
        {
            return;
        }
        var referral = new OmbudsmanReferral { EnquiryId = e.EnquiryId, CaseId = e.CaseId, ReceivedOn = e.ReceivedOn.ToDateOnly() };
        db.Set<OmbudsmanReferral>().Add(referral);
        if (await db.Facts.CaseAsync(e.CaseId, ct) is { } fact)
        {
            Count(batch, fact, referral);
        }
    }

    public static async Task CaseOpenedAsync(ReportingDbContext db, CounterBatch batch, CaseFact fact, CancellationToken ct)
    {
        await SerialiseAsync(db, ct);
        var waiting = await db.Facts.WaitingReferralsAsync(fact.CaseId, ct);
        foreach (var referral in waiting)
        {
            Count(batch, fact, referral);
        }
    }

    private static void Count(CounterBatch batch, CaseFact fact, OmbudsmanReferral referral)
    {
        referral.Counted = true;
        if (!StatutoryCounters.Applies(fact.Stream))
        {
            return;
        }
        var key = new CounterKey(OmbudsmanMetrics.Referred, 0, default, fact.ServiceAreaId, "", fact.TeamId, fact.Stream, 0, 0, 0, "");
        batch.Both(key, referral.ReceivedOn, referral.ReceivedOn);
    }
}
