using ComplaintsPlatform.CaseWorkflow.Domain.Cases;
using ComplaintsPlatform.Import;

namespace ComplaintsPlatform.CaseWorkflow.Import;

/// <summary>A remedy or learning action of an imported case, as case-actions.csv gives it (docs/import/cases.md).</summary>
internal sealed record CaseActionHistory(
    string SourceId, string CaseSourceId, bool IsRemedy, string TypeCode, long AmountPence, string OwnerId,
    DateOnly? AgreedOn, DateOnly Due, DateOnly? CompletedOn);

internal static class CaseActionRows
{
    public static readonly string[] Required = ["source_id", "case_source_id", "kind", "due"];

    public static CaseActionHistory? Read(CsvRow row, CaseImportContext context)
    {
        var sourceId = row.Text("source_id", 200, required: true) ?? "";
        var caseSourceId = row.Text("case_source_id", 96, required: true) ?? "";
        var kind = row.Required("kind").ToUpperInvariant();
        var typeCode = row.Text("type_code", 100) ?? "";
        var amount = row.Pence("amount_pence") ?? 0;
        var owner = row.Text("owner", 200) ?? "";
        var agreed = row.Date("agreed");
        var due = row.Date("due", required: true);
        var completed = row.Date("completed");
        var today = context.LocalDate(context.Now);
        if (kind is not ("REMEDY" or "LEARNING") && kind.Length > 0)
        {
            row.Fail("kind", $"'{kind}' is not REMEDY or LEARNING");
        }
        if (kind == "REMEDY")
        {
            if (typeCode.Length == 0)
            {
                row.Fail("type_code", "is required for a remedy");
            }
            else if (!context.IsListCode("remedy_types", typeCode))
            {
                row.Fail("type_code", $"'{typeCode}' is not in the council's remedy_types list");
            }
            if (agreed is null && row.Optional("agreed") is null)
            {
                row.Fail("agreed", "is required for a remedy");
            }
        }
        if (completed > today)
        {
            row.Fail("completed", "is in the future");
        }
        if (completed < agreed)
        {
            row.Fail("completed", "is before the remedy was agreed");
        }
        if (due < agreed)
        {
            row.Fail("due", "is before the remedy was agreed");
        }
        return row.IsValid
            ? new CaseActionHistory(sourceId, caseSourceId, kind == "REMEDY", typeCode, amount, owner, agreed, due!.Value, completed)
            : null;
    }

    /// <summary>Applies the action to its case with the case's own rules (which say no with a reason).</summary>
    public static void Apply(Case c, CaseActionHistory a, CaseRules rules, Actor actor)
    {
        if (a.IsRemedy)
        {
            var remedy = c.AddRemedy(a.TypeCode, "", a.AmountPence, a.OwnerId, a.Due, a.AgreedOn, rules, actor);
            if (a.CompletedOn is { } done)
            {
                c.CompleteRemedy(remedy.Id, done, rules, actor);
            }
        }
        else
        {
            c.AddLearningAction(new LearningActionRecord("", a.OwnerId, a.Due, a.CompletedOn), rules, actor);
        }
    }
}
