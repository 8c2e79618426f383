namespace ComplaintsPlatform.Calendar;

/// <summary>A bank-holiday file that is not in the gov.uk format, or not safe to compute deadlines from.</summary>
public sealed class BankHolidayDataException(string message, Exception? inner = null) : Exception(message, inner);
