using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Hosting.Errors;

namespace ComplaintsPlatform.Retention;

/// <summary>
/// The council's retention schedule: for each kind of record, how many months after which event it is
/// kept, and whether it is then erased or anonymised. The event is fixed by the kind (a compliment
/// counts from receipt, a case from closure); the period and the action are the council's policy.
/// </summary>
public sealed class RetentionSchedule
{
    public const int MaxMonths = 1200;

    private readonly Dictionary<RetentionKind, RetentionRule> _rules;

    private RetentionSchedule(IEnumerable<RetentionRule> rules) => _rules = rules.ToDictionary(r => r.Kind);

    public static IReadOnlyList<RetentionKind> Kinds { get; } =
        Enum.GetValues<RetentionKind>().Where(k => k != RetentionKind.Unspecified).ToList();

    /// <summary>
    /// What the platform ships: complaint files six years after closure (the usual council schedule),
    /// contacts not taken forward two years after triage, compliments three years after receipt, the
    /// access log two years after it was written.
    /// </summary>
    public static IReadOnlyList<RetentionRule> Defaults { get; } =
    [
        Rule(RetentionKind.ContactNotTakenForward, 24, RetentionAction.Anonymise),
        Rule(RetentionKind.ClosedCase, 72, RetentionAction.Anonymise),
        Rule(RetentionKind.OmbudsmanEnquiry, 72, RetentionAction.Anonymise),
        Rule(RetentionKind.Compliment, 36, RetentionAction.Anonymise),
        Rule(RetentionKind.RegisterEntry, 72, RetentionAction.Anonymise),
        Rule(RetentionKind.Correspondence, 72, RetentionAction.Erase),
        Rule(RetentionKind.Attachment, 72, RetentionAction.Erase),
        Rule(RetentionKind.AccessLog, 24, RetentionAction.Erase),
    ];

    public static RetentionTrigger TriggerOf(RetentionKind kind) => kind switch
    {
        RetentionKind.ContactNotTakenForward => RetentionTrigger.Triaged,
        RetentionKind.ClosedCase => RetentionTrigger.Closed,
        RetentionKind.OmbudsmanEnquiry => RetentionTrigger.Decided,
        RetentionKind.Compliment => RetentionTrigger.Received,
        RetentionKind.RegisterEntry => RetentionTrigger.Ended,
        RetentionKind.Correspondence or RetentionKind.Attachment => RetentionTrigger.Closed,
        RetentionKind.AccessLog => RetentionTrigger.Recorded,
        _ => RetentionTrigger.Unspecified,
    };

    /// <summary>An access log row is nothing but who read what: there is nothing to keep once it goes.</summary>
    public static bool Allows(RetentionKind kind, RetentionAction action) =>
        action is RetentionAction.Erase || (action is RetentionAction.Anonymise && kind is not RetentionKind.AccessLog);

    public static RetentionSchedule From(IEnumerable<RetentionRule> rules) => new(rules);

    /// <summary>The council's rules with the shipped default for every kind it has not set: what every service is told.</summary>
    public static IReadOnlyList<RetentionRule> Complete(IEnumerable<RetentionRule> councilRules)
    {
        var given = councilRules.Where(r => r.Kind != RetentionKind.Unspecified).ToDictionary(r => r.Kind);
        return Kinds.Select(kind => given.TryGetValue(kind, out var rule)
            ? new RetentionRule(rule) { After = TriggerOf(kind) }
            : Defaults.Single(d => d.Kind == kind).Clone()).ToList();
    }

    /// <summary>Says no, field by field, to a schedule the services could not apply.</summary>
    public static void Validate(IReadOnlyList<RetentionRule> rules, string field = "rules")
    {
        if (Check(rules, field) is { Count: > 0 } violations)
        {
            throw new ValidationException(violations);
        }
    }

    public static List<FieldViolation> Check(IReadOnlyList<RetentionRule> rules, string field = "rules")
    {
        var violations = new List<FieldViolation>();
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var at = $"{field}[{i}]";
            if (rule.Kind == RetentionKind.Unspecified)
            {
                violations.Add(new($"{at}.kind", "Say which kind of record the rule is for."));
                continue;
            }
            if (rules.Take(i).Any(r => r.Kind == rule.Kind))
            {
                violations.Add(new($"{at}.kind", $"{Name(rule.Kind)} has more than one rule."));
            }
            if (rule.After != RetentionTrigger.Unspecified && rule.After != TriggerOf(rule.Kind))
            {
                violations.Add(new($"{at}.after", $"{Name(rule.Kind)} is kept from {Name(TriggerOf(rule.Kind))}, not {Name(rule.After)}."));
            }
            if (rule.Months is < 1 or > MaxMonths)
            {
                violations.Add(new($"{at}.months", $"Keep a record between 1 and {MaxMonths} months."));
            }
            if (rule.Action == RetentionAction.Unspecified)
            {
                violations.Add(new($"{at}.action", "Say whether the record is erased or anonymised."));
            }
            else if (!Allows(rule.Kind, rule.Action))
            {
                violations.Add(new($"{at}.action", $"{Name(rule.Kind)} can only be erased: nothing would be left to keep."));
            }
        }
        return violations;
    }

    public RetentionRule? RuleFor(RetentionKind kind) => _rules.GetValueOrDefault(kind);

    /// <summary>A record of <paramref name="kind"/> whose event fell on or before this day is due on <paramref name="asOf"/>.</summary>
    public DateOnly? DueOnOrBefore(RetentionKind kind, DateOnly asOf) =>
        RuleFor(kind) is { Months: > 0 } rule ? asOf.AddMonths(-rule.Months) : null;

    /// <summary>An approved erasure takes the same path as the schedule; a kind without a rule is anonymised where it can be.</summary>
    public RetentionAction ActionFor(RetentionKind kind) =>
        RuleFor(kind)?.Action is { } action and not RetentionAction.Unspecified ? action
            : Allows(kind, RetentionAction.Anonymise) ? RetentionAction.Anonymise : RetentionAction.Erase;

    public static string Name(RetentionKind kind) => kind switch
    {
        RetentionKind.ContactNotTakenForward => "A contact not taken forward",
        RetentionKind.ClosedCase => "A closed case",
        RetentionKind.OmbudsmanEnquiry => "An Ombudsman enquiry",
        RetentionKind.Compliment => "A compliment",
        RetentionKind.RegisterEntry => "A register entry",
        RetentionKind.Correspondence => "Correspondence",
        RetentionKind.Attachment => "An attachment",
        RetentionKind.AccessLog => "The access log",
        _ => "Unknown",
    };

    public static string Name(RetentionTrigger trigger) => trigger switch
    {
        RetentionTrigger.Triaged => "the triage decision",
        RetentionTrigger.Closed => "closure",
        RetentionTrigger.Decided => "the Ombudsman's final decision",
        RetentionTrigger.Received => "receipt",
        RetentionTrigger.Ended => "the end of the entry",
        RetentionTrigger.Recorded => "when it was recorded",
        _ => "an unspecified event",
    };

    private static RetentionRule Rule(RetentionKind kind, int months, RetentionAction action) =>
        new() { Kind = kind, After = TriggerOf(kind), Months = months, Action = action };
}
