using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.CaseWorkflow.V1;

namespace ComplaintsPlatform.CaseWorkflow.Domain.Procedures;

/// <summary>
/// Every recorded version of every stream's policy, each with the day it came into force (its
/// effective_from, else the day it was recorded). The version in force on a day is the one that came
/// into force latest by then, ties going to the higher version, so a version back-dated for
/// imported history never displaces the one already in force today.
/// </summary>
public sealed class PolicyTimeline
{
    private readonly Dictionary<ComplaintStream, List<(DateOnly From, ProcedurePolicy Policy)>> _versions;

    public PolicyTimeline(IEnumerable<ProcedurePolicy> policies, CouncilClock clock)
    {
        _versions = policies.GroupBy(p => p.Stream).ToDictionary(g => g.Key, g => g
            .Select(p => (From: FromOf(p, clock), Policy: p))
            .OrderBy(v => v.From).ThenBy(v => v.Policy.Version).ToList());
    }

    public IEnumerable<ComplaintStream> Streams => _versions.Keys;

    /// <summary>The highest version recorded per stream: what a refresh compares to notice a change.</summary>
    public IReadOnlyDictionary<ComplaintStream, int> LatestVersions =>
        _versions.ToDictionary(v => v.Key, v => v.Value.Max(p => p.Policy.Version));

    /// <summary>The version in force on <paramref name="day"/>; a day older than every version is read under the earliest.</summary>
    public ProcedurePolicy? InForceOn(ComplaintStream stream, DateOnly day) =>
        _versions.TryGetValue(stream, out var versions)
            ? versions.LastOrDefault(v => v.From <= day).Policy ?? versions[0].Policy
            : null;

    public IReadOnlyList<ProcedurePolicy> AllInForceOn(DateOnly day) =>
        [.. _versions.Keys.Order().Select(s => InForceOn(s, day)!)];

    public ProcedurePolicy? Version(ComplaintStream stream, int version) =>
        _versions.TryGetValue(stream, out var versions)
            ? versions.FirstOrDefault(v => v.Policy.Version == version).Policy
            : null;

    private static DateOnly FromOf(ProcedurePolicy policy, CouncilClock clock) =>
        policy.EffectiveFrom is { Year: > 0 } d ? d.ToDateOnly() : clock.LocalDate(policy.RecordedAt);
}
