using System.Globalization;
using ComplaintsPlatform.Web.Components;
using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Google.Type;
using Grpc.Core;

namespace ComplaintsPlatform.Web.Pages.Staff;

/// <summary>
/// A staff form: what was typed is read into the contract's shapes (a date's
/// numbers, pounds to pence, a percentage to basis points) and the service's refusals go beside the
/// inputs they name. Whether a date or amount is allowed is the service's to say.
/// </summary>
public abstract class StaffForm(StaffTokens tokens, StaffDirectory directory) : StaffPage(tokens, directory)
{
    /// <summary>The page's inputs as the service's fields name them.</summary>
    protected abstract IReadOnlyList<FieldInput> Inputs { get; }

    /// <summary>True when the refusal is now on the page (inline or in the summary); otherwise it is thrown on.</summary>
    protected bool Refused(RpcException e) => DataProtectionText.Refused(e, ModelState, "", [.. Inputs]);

    protected Date? DateOf(DateParts parts, string key)
    {
        if (parts.IsEmpty)
        {
            return null;
        }
        return parts.TryNumbers(out var y, out var m, out var d)
            ? new Date { Year = y, Month = m, Day = d }
            : throw Invalid(key, "must be a date with a day, month and year in numbers");
    }

    /// <summary>Pounds and pence as typed ("250", "250.50", "£1,250.50") to whole pence.</summary>
    protected long Pence(string? text, string key)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0;
        }
        var cleaned = text.Trim().TrimStart('£').Replace(",", "");
        return decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var pounds) && decimal.Round(pounds, 2) == pounds
            ? (long)(pounds * 100)
            : throw Invalid(key, "must be an amount in pounds and pence, like 250.50");
    }

    /// <summary>A number with up to two decimals ("75", "75.5") in hundredths: a percentage to basis points, a rate to hundredths.</summary>
    protected int Hundredths(string? text, string key)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0;
        }
        var cleaned = text.Trim().TrimEnd('%').Trim();
        return decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && decimal.Round(value, 2) == value
            && value < 1_000_000
            ? (int)(value * 100)
            : throw Invalid(key, "must be a number with up to two decimal places, like 75.5");
    }

    protected RpcException Invalid(string key, string description)
    {
        ModelState.AddModelError(key, ServiceErrors.Message(Inputs.FirstOrDefault(i => i.ModelKey == key)?.Label ?? key, description));
        return new RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.InvalidArgument, "")); // the error is already on the page
    }
}
