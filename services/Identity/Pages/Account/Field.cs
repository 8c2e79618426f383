namespace ComplaintsPlatform.Identity.Pages.Account;

/// <summary>One GOV.UK text input with its label, hint and error, rendered by the shared _Field partial.</summary>
public sealed record Field(string Id, string Name, string Label, string Type, string Autocomplete,
    string? Hint = null, string? Error = null, string? Value = null, bool Numeric = false, string Width = " govuk-!-width-two-thirds");
