using System.Globalization;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Intake.Correspondence;

namespace ComplaintsPlatform.Intake.Events;

/// <summary>
/// CaseWorkflow's letter codes and facts (codes, ISO dates) mapped onto Intake's templates and the
/// facts they read; the words come from CaseInternal.GetCorrespondenceContent when the letter is sent.
/// <code>
/// CASE_ACKNOWLEDGED       → acknowledgement      (stage, due_date ← respond_due)
/// ESCALATION_ACKNOWLEDGED → escalation_decision  (accepted; stage, due_date ← respond_due)
/// EXTENSION_NOTICE        → extension_notice     (reason ← text extension_reason, due_date ← new_due, ombudsman)
/// DELAY_NOTICE            → delay_notice         (reason ← text delay_reasons, due_date ← expected_due, ombudsman)
/// DEADLINE_MOVED          → deadline_moved       (kind, previous_due, due_date ← new_due)
/// STAGE_RESPONSE          → stage_response       (stage, response_text ← text response, outcome ← overall, escalate_by)
/// FINAL_RESPONSE          → final_response       (response_text ← text response, outcome ← overall, ombudsman)
/// ESCALATION_REFUSED      → escalation_decision  (refused; reason ← text refusal_explanation, ombudsman)
/// </code>
/// Intake's own template codes pass through unchanged. The template follows from the code alone, so a
/// letter is queued with <see cref="TemplateFor"/> and mapped in full once its words are fetched.
/// </summary>
internal static class CaseLetters
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private static readonly Dictionary<string, string> None = [];

    /// <summary>Intake's template for CaseWorkflow's letter code, or null when Intake has none.</summary>
    public static string? TemplateFor(string code) => Map(code, None, None)?.Template;

    public static (string Template, Dictionary<string, string> Facts)? Map(
        string code, IReadOnlyDictionary<string, string> facts, IReadOnlyDictionary<string, string> texts)
    {
        string? F(string key) => facts.TryGetValue(key, out var v) && v.Length > 0 ? v : null;
        string? T(string key) => texts.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;
        var stage = F("stage");
        var ombudsman = F("next_body") is { } nb && nb.Contains("HOUSING", StringComparison.OrdinalIgnoreCase) ? "HOUSING_OMBUDSMAN" : "LGSCO";
        (string, Dictionary<string, string?>)? mapped = code switch
        {
            "CASE_ACKNOWLEDGED" => (Templates.Acknowledgement, new() { ["stage"] = stage, ["due_date"] = Day(F("respond_due")) }),
            "ESCALATION_ACKNOWLEDGED" => (Templates.EscalationDecision,
                new() { ["decision"] = "accepted", ["stage"] = stage, ["due_date"] = Day(F("respond_due")) }),
            "EXTENSION_NOTICE" => (Templates.ExtensionNotice,
                new() { ["reason"] = T("extension_reason"), ["due_date"] = Day(F("new_due")), ["ombudsman"] = ombudsman }),
            "DELAY_NOTICE" => (Templates.DelayNotice,
                new() { ["reason"] = T("delay_reasons"), ["due_date"] = Day(F("expected_due")), ["ombudsman"] = ombudsman }),
            "DEADLINE_MOVED" => (Templates.DeadlineMoved,
                new() { ["kind"] = Kind(F("kind")), ["previous_due"] = Day(F("previous_due")), ["due_date"] = Day(F("new_due")) }),
            "STAGE_RESPONSE" => (Templates.StageResponse, new()
            {
                ["stage"] = stage, ["response_text"] = T("response"), ["outcome"] = Outcome(F("overall")),
                ["escalate_by"] = Day(F("escalation_window_due")),
            }),
            "FINAL_RESPONSE" => (Templates.FinalResponse,
                new() { ["response_text"] = T("response"), ["outcome"] = Outcome(F("overall")), ["ombudsman"] = ombudsman }),
            "ESCALATION_REFUSED" => (Templates.EscalationDecision,
                new() { ["decision"] = "refused", ["reason"] = T("refusal_explanation"), ["ombudsman"] = ombudsman }),
            _ when Templates.ForOtherServices.Contains(code) && code != Templates.StaffNotification =>
                (code, facts.Concat(texts).ToDictionary(p => p.Key, p => (string?)p.Value)),
            _ => null,
        };
        return mapped is { } m
            ? (m.Item1, m.Item2.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!))
            : null;
    }

    // "2026-03-02" → "2 March 2026", as a letter says it.
    internal static string? Day(string? iso) =>
        DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("d MMMM yyyy", English)
            : null;

    // Finding enum names as CaseWorkflow writes them (PartlyUpheld or FINDING_PARTLY_UPHELD) in words.
    private static string? Outcome(string? value)
    {
        var key = value?.Replace("FINDING_", "", StringComparison.OrdinalIgnoreCase).Replace("_", "");
        return Enum.TryParse<Finding>(key, ignoreCase: true, out var f) ? f switch
        {
            Finding.Upheld => "upheld",
            Finding.PartlyUpheld => "partly upheld",
            Finding.NotUpheld => "not upheld",
            Finding.NoFinding => "no finding",
            _ => null,
        } : null;
    }

    private static string? Kind(string? value) =>
        value?.Replace("CLOCK_KIND_", "", StringComparison.OrdinalIgnoreCase).Replace("_", "") switch
        {
            { } k when k.Equals("EscalationWindow", StringComparison.OrdinalIgnoreCase) => "ESCALATION_WINDOW",
            _ => "RESPOND",
        };
}
