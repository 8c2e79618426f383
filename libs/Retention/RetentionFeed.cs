using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Common.V1;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Retention;

/// <summary>
/// What each service takes from CaseWorkflow's feed for retention: the schedule (with every council
/// configuration version), legal holds placed and released, and approved erasure requests. Call it
/// from the service's CaseWorkflow feed handler, in the consumer's transaction.
/// </summary>
public sealed class RetentionFeed<TContext>(RetentionRunner<TContext> runner, RetentionSweep<TContext> sweep, TimeProvider clock) where TContext : DbContext
{
    /// <summary>True when the event was retention's (and has been applied).</summary>
    public async Task<bool> ApplyAsync(TContext db, FeedEvent evt, CancellationToken ct)
    {
        if (evt.Payload.TryUnpack<CouncilConfigurationChanged>(out var configuration))
        {
            await ApplyScheduleAsync(db, configuration, ct);
            return false; // the service applies the rest of the configuration itself
        }
        if (evt.Payload.TryUnpack<LegalHoldChanged>(out var hold))
        {
            await ApplyHoldAsync(db, hold, ct);
            return true;
        }
        if (evt.Payload.TryUnpack<ErasureApproved>(out var erasure))
        {
            await runner.StageErasureAsync(db, sweep, erasure.RequestId, erasure.PersonId, erasure.CaseIds, erasure.ContactIds, "caseworkflow", ct);
            return true;
        }
        return false;
    }

    private static async Task ApplyScheduleAsync(TContext db, CouncilConfigurationChanged configuration, CancellationToken ct)
    {
        if (configuration.Retention is null || configuration.Retention.Rules.Count == 0)
        {
            return; // a configuration from before schedules: keep what is known
        }
        var rules = db.Set<RetentionRuleRecord>();
        var known = await rules.ToListAsync(ct);
        if (known.Count > 0 && known.Max(r => r.ConfigurationVersion) >= configuration.Version)
        {
            return; // an older version replayed
        }
        rules.RemoveRange(known);
        foreach (var rule in configuration.Retention.Rules.Where(r => r.Kind != RetentionKind.Unspecified).DistinctBy(r => r.Kind))
        {
            rules.Add(new RetentionRuleRecord
            {
                Kind = (int)rule.Kind, After = (int)rule.After, Months = rule.Months, Action = (int)rule.Action,
                ConfigurationVersion = configuration.Version,
            });
        }
    }

    private async Task ApplyHoldAsync(TContext db, LegalHoldChanged hold, CancellationToken ct)
    {
        var holds = db.Set<HeldRecord>();
        var existing = await holds.FindAsync([hold.HoldId], ct);
        if (!hold.Active)
        {
            if (existing is not null)
            {
                holds.Remove(existing);
            }
            return;
        }
        if (existing is null)
        {
            holds.Add(existing = new HeldRecord { HoldId = hold.HoldId });
        }
        existing.PersonId = string.IsNullOrEmpty(hold.PersonId) ? null : hold.PersonId;
        existing.CaseIds = [.. hold.CaseIds];
        existing.ContactIds = [.. hold.ContactIds];
        existing.ChangedAt = clock.GetUtcNow();
    }
}
