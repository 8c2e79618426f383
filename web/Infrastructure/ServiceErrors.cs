using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ComplaintsPlatform.Web.Infrastructure;

/// <summary>One of the page's inputs, as a service's field path names it.</summary>
public sealed record FieldInput(string ServiceField, string ModelKey, string Label);

/// <summary>
/// Turns a service's refusal into the page's errors: each google.rpc.BadRequest field violation becomes
/// the inline error of the input it names (and so a line of the error summary). The words are the
/// service's; the page only says which of its inputs the field is.
/// </summary>
public static class ServiceErrors
{
    public static IReadOnlyList<BadRequest.Types.FieldViolation> Violations(RpcException ex) =>
        ex.StatusCode == Grpc.Core.StatusCode.InvalidArgument && ex.GetRpcStatus()?.GetDetail<BadRequest>() is { } badRequest
            ? badRequest.FieldViolations
            : [];

    /// <summary>
    /// Adds the violations of the given inputs to the model state; true when at least one applied.
    /// A field matches an input by its exact path or as its parent (attachments[2].content → attachments).
    /// </summary>
    public static bool AddTo(ModelStateDictionary modelState, IEnumerable<BadRequest.Types.FieldViolation> violations, IReadOnlyList<FieldInput> inputs)
    {
        var any = false;
        foreach (var violation in violations)
        {
            var input = inputs.FirstOrDefault(i => i.ServiceField == violation.Field)
                ?? inputs.FirstOrDefault(i => Covers(i.ServiceField, violation.Field));
            if (input is null)
            {
                continue;
            }
            if (modelState[input.ModelKey]?.Errors.Count > 0)
            {
                continue; // one message per input, the first the service gave
            }
            modelState.AddModelError(input.ModelKey, Message(input.Label, violation.Description));
            any = true;
        }
        return any;
    }

    /// <summary>"Email address" + "is not a valid email address" → "Email address is not a valid email address".</summary>
    public static string Message(string label, string description)
    {
        var d = description.Trim();
        string[] continuations = ["is ", "are ", "must ", "at most ", "cannot ", "has ", "should "];
        if (continuations.Any(c => d.StartsWith(c, StringComparison.Ordinal)))
        {
            return $"{label} {d}";
        }
        return d.Length == 0 ? label : char.ToUpperInvariant(d[0]) + d[1..];
    }

    private static bool Covers(string parent, string field) =>
        field.StartsWith(parent + ".", StringComparison.Ordinal) || field.StartsWith(parent + "[", StringComparison.Ordinal);
}
