using ComplaintsPlatform.Hosting.Errors;
using Microsoft.Extensions.Hosting;

namespace ComplaintsPlatform.Retention;

/// <summary>
/// The day a run counts to. Tests move time with <c>as_of</c>; anywhere but Development and Testing
/// it is refused, so nobody can erase records early in a live council by claiming a later date.
/// </summary>
public static class RetentionAsOf
{
    public static bool MayMoveTime(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing");

    public static DateOnly Resolve(Google.Type.Date? asOf, IHostEnvironment environment, DateOnly today)
    {
        if (asOf is null || (asOf.Year == 0 && asOf.Month == 0 && asOf.Day == 0))
        {
            return today;
        }
        if (!MayMoveTime(environment))
        {
            throw new RuleViolationException(
                $"as_of is accepted only in Development or Testing; in {environment.EnvironmentName} a retention run counts to today.");
        }
        try
        {
            return new DateOnly(asOf.Year, asOf.Month, asOf.Day);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new ValidationException([new FieldViolation("as_of", "Give a real date.")]);
        }
    }
}
