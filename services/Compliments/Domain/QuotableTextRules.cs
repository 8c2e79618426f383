using System.Text.RegularExpressions;
using ComplaintsPlatform.Hosting.Errors;

namespace ComplaintsPlatform.Compliments.Domain;

/// <summary>
/// What may be published (annual report appendix, staff news): only with the person's consent, and
/// only words stripped of contact details. Names cannot be told from other words by a machine, so
/// the person recording the consent writes the text; this catches what a machine can.
/// </summary>
public static partial class QuotableTextRules
{
    public const int MaxLength = 1000;

    public static Validator Validate(bool consent, string? quotableText, Validator? validator = null)
    {
        const string field = "quotable_text";
        validator ??= new Validator();
        if (!consent)
        {
            return validator.Require(string.IsNullOrWhiteSpace(quotableText), field, "must be empty without consent to quote");
        }
        validator.NotBlank(quotableText, field, MaxLength);
        if (!string.IsNullOrWhiteSpace(quotableText))
        {
            validator
                .Require(!Email().IsMatch(quotableText), field, "must be anonymised: remove the email address")
                .Require(!PhoneNumber().IsMatch(quotableText), field, "must be anonymised: remove the phone number")
                .Require(!Postcode().IsMatch(quotableText), field, "must be anonymised: remove the postcode");
        }
        return validator;
    }

    [GeneratedRegex(@"[^\s@]+@[^\s@]+\.[^\s@]+")]
    private static partial Regex Email();

    [GeneratedRegex(@"\+?\d[\d\s\-()]{8,}\d")]
    private static partial Regex PhoneNumber();

    [GeneratedRegex(@"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", RegexOptions.IgnoreCase)]
    private static partial Regex Postcode();
}
