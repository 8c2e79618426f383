using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.Reporting.Data;
using ComplaintsPlatform.Reporting.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ComplaintsPlatform.Reporting.Tests.YearGenerator;
using CaseFact = ComplaintsPlatform.Reporting.Data.CaseFact;

namespace ComplaintsPlatform.Reporting.Tests;

/// <summary>
/// A referral to the Ombudsman is counted by whichever of its enquiry (Ombudsman feed) and its case's
/// opening (CaseWorkflow feed) is applied second. The two consumers run at once, each in its own
/// transaction: when both are applying at the same moment, the later waits for the earlier's commit
/// and sees its rows, so the referral is counted exactly once however the two overlap.
/// </summary>
public sealed class OmbudsmanReferralOrderTests : IAsyncLifetime
{
    private static readonly DateOnly On = new(2025, 9, 1);
    private ReportingHost _host = null!;

    public async Task InitializeAsync() => _host = await ReportingHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_referral_applied_while_the_other_feed_applies_its_case_waits_for_that_commit_and_is_counted_once(bool caseFirst)
    {
        var caseId = $"race-{caseFirst}";
        var enquiryId = $"enq-race-{caseFirst}";
        var (first, second) = caseFirst
            ? ((Func<ReportingDbContext, Task>)(db => OpenCaseAsync(db, caseId)), (Func<ReportingDbContext, Task>)(db => ReceiveEnquiryAsync(db, caseId, enquiryId)))
            : (db => ReceiveEnquiryAsync(db, caseId, enquiryId), db => OpenCaseAsync(db, caseId));

        await using var firstScope = _host.Services.CreateAsyncScope();
        var firstDb = firstScope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        await using var firstTransaction = await firstDb.Database.BeginTransactionAsync();
        await first(firstDb);

        var secondApplied = Task.Run(async () =>
        {
            await using var scope = _host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await second(db);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        });
        // Unordered, the second would read now, miss the first's uncommitted rows, and neither would count it.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.False(secondApplied.IsCompleted, "the second consumer did not wait for the first's commit");

        await firstDb.SaveChangesAsync();
        await firstTransaction.CommitAsync();
        await secondApplied.WaitAsync(TimeSpan.FromSeconds(30));

        var referral = await _host.WithDbAsync(db => db.Set<OmbudsmanReferral>().AsNoTracking().SingleAsync(r => r.EnquiryId == enquiryId));
        Assert.True(referral.Counted);
    }

    private static async Task OpenCaseAsync(ReportingDbContext db, string caseId)
    {
        var fact = new CaseFact
        {
            CaseId = caseId, ServiceAreaId = Council.Waste, Stream = (short)ComplaintStream.Corporate, ReceivedOn = On, StageStartedOn = On,
        };
        db.Facts.Add(fact);
        await OmbudsmanReferrals.CaseOpenedAsync(db, new CounterBatch(), fact, CancellationToken.None);
    }

    private static Task ReceiveEnquiryAsync(ReportingDbContext db, string caseId, string enquiryId) =>
        OmbudsmanReferrals.EnquiryAsync(db, new CounterBatch(), new EnquiryReceived
        {
            EnquiryId = enquiryId, CaseId = caseId, DirectorateId = Council.Environment, Ombudsman = Ombudsman.V1.Ombudsman.Lgsco, ReceivedOn = D(On),
        }, CancellationToken.None);
}
