using ComplaintsPlatform.Calendar;
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
/// </summary>
internal static class OmbudsmanReferrals
{
    public static async Task EnquiryAsync(ReportingDbContext db, CounterBatch batch, EnquiryReceived e, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(e.CaseId) || await db.Set<OmbudsmanReferral>().FindAsync([e.EnquiryId], ct) is not null)
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
