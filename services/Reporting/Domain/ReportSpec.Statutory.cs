namespace ComplaintsPlatform.Reporting.Domain;

/// <summary>The statutory social care streams per stage: entered, responded in time or late, findings, advocacy, Ombudsman referrals.</summary>
public sealed partial record ReportSpec
{
    private static ReportSpec StatutoryStages()
    {
        var counts = new List<CountColumn>();
        var sets = new List<int[]>();
        var derived = new List<DerivedColumn>();
        CountColumn S(string code, string label) => new(code.Replace(':', '_'), label, Domain.Metrics.Statutory, a => a.Code == code);
        for (var stage = 1; stage <= 3; stage++)
        {
            var at = counts.Count;
            counts.Add(S($"{stage}:entered", $"Stage {stage}: complaints"));
            counts.Add(S($"{stage}:responses", $"Stage {stage}: responses"));
            counts.Add(S($"{stage}:in_time", $"Stage {stage}: responded in time"));
            counts.Add(S($"{stage}:over", $"Stage {stage}: responded late"));
            counts.Add(S($"{stage}:finding_Upheld", $"Stage {stage}: upheld"));
            counts.Add(S($"{stage}:finding_PartlyUpheld", $"Stage {stage}: partly upheld"));
            counts.Add(S($"{stage}:finding_NotUpheld", $"Stage {stage}: not upheld"));
            counts.Add(S($"{stage}:finding_NoFinding", $"Stage {stage}: no finding"));
            sets.Add([at + 1, at + 2, at + 3]);
            derived.Add(Percent($"stage{stage}_in_time_rate", $"Stage {stage}: % in time", at + 2, at + 1));
            derived.AddRange(StageDays.Columns(stage, at + 1));
        }
        var advocacy = counts.Count;
        counts.Add(S("0:advocacy_offered", "Advocacy offered"));
        counts.Add(S("0:advocacy_accepted", "Advocacy accepted"));
        counts.Add(S("0:advocacy_declined", "Advocacy declined"));
        counts.Add(new("referred_to_ombudsman", "Referred to the Ombudsman", OmbudsmanMetrics.Referred));
        sets.Add([advocacy, advocacy + 1, advocacy + 2]);
        return new("Statutory complaints by stage", true, counts, sets, derived);
    }
}
