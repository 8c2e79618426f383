using System.Globalization;
using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Hosting.Identity;

namespace ComplaintsPlatform.Retention;

/// <summary>How a service answers Intake's subject access questions (its internal PersonData service).</summary>
public static class Held
{
    public const string IntakeService = "intake";

    /// <summary>Only Intake's subject access service, calling as itself, may gather a person's records.</summary>
    public static void EnsureIntake(Caller caller)
    {
        if (caller.ServiceName != IntakeService)
        {
            throw new AccessDeniedException("Only Intake's subject access service may gather a person's records.");
        }
    }

    public static PersonRecord Record(string kind, Guid id, string? reference, DateOnly? date, string partOf = "") =>
        Record(kind, id.ToString(), reference, date, partOf);

    public static PersonRecord Record(string kind, string id, string? reference, DateOnly? date, string partOf = "") => new()
    {
        Kind = kind,
        Id = id,
        Reference = reference ?? "",
        Date = date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        PartOf = partOf,
    };

    /// <summary>Adds the field when it has a value; free text that may name others is flagged for redaction.</summary>
    public static PersonRecord With(this PersonRecord record, string label, string? value, bool mayNameOthers = false)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            record.Fields.Add(new LabelledField { Label = label, Value = value, MayNameOthers = mayNameOthers });
        }
        return record;
    }

    public static PersonRecord With(this PersonRecord record, string label, DateOnly? value) =>
        record.With(label, value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>Pence as pounds, the way a letter writes them.</summary>
    public static string Pounds(long pence) => (pence / 100m).ToString("£#,##0.00", CultureInfo.InvariantCulture);

    public static List<Guid> Guids(IEnumerable<string> ids) =>
        ids.Select(i => Guid.TryParse(i, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList();
}
