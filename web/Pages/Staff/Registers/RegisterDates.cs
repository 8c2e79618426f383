using ComplaintsPlatform.Web.Components;
using ComplaintsPlatform.Web.Infrastructure;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Date = Google.Type.Date;

namespace ComplaintsPlatform.Web.Pages.Staff.Registers;

/// <summary>A date typed on a register form, as the contract's date: only "is it numbers" is checked here.</summary>
internal static class RegisterDates
{
    public static Date? Of(DateParts parts, string key, ModelStateDictionary state, IReadOnlyList<FieldInput> inputs)
    {
        if (parts.IsEmpty)
        {
            return null;
        }
        if (!parts.TryNumbers(out var y, out var m, out var d))
        {
            state.AddModelError(key, ServiceErrors.Message(inputs.FirstOrDefault(i => i.ModelKey == key)?.Label ?? key, "must be a date with a day, month and year in numbers"));
            throw new RpcException(new Grpc.Core.Status(StatusCode.InvalidArgument, "")); // the error is on the page already
        }
        return new Date { Year = y, Month = m, Day = d };
    }
}
