namespace ComplaintsPlatform.Intake.Domain;

/// <summary>
/// UK GDPR Art. 12(3): a subject access request is answered within one calendar month of receipt —
/// the same day next month, or the month's last day when it has no such day (31 January → 28 or 29
/// February). Calendar days, not working days: the statute counts months.
/// </summary>
public static class SubjectAccessDeadline
{
    public static DateOnly DueOn(DateOnly receivedOn) => receivedOn.AddMonths(1);

    public static bool Overdue(DateOnly dueOn, DateOnly today, DateOnly? sentOn) => sentOn is null ? today > dueOn : sentOn > dueOn;
}
