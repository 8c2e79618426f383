using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintsPlatform.Web.Pages.Staff.Admin;

/// <summary>A secret a service made (a temporary password, an API key), kept server-side until shown once.</summary>
public sealed record IssuedSecret(Guid Id, DateTimeOffset StartedAt, string What, string For, string UserName, string Secret) : IJourney
{
    public const string Kind = "issued-secret";
}

/// <summary>Shows an issued secret once (post/redirect/get), then forgets it: reloading the page shows it no more.</summary>
public sealed class IssuedModel(StaffTokens tokens, StaffDirectory directory, JourneyStore journeys)
    : AdminPage(tokens, directory, "administrator", "complaints_team")
{
    protected override bool UsesDirectory => false;

    public IssuedSecret? Issued { get; private set; }

    public string Back => Issued?.What == "api-keys" ? Links.Staff.Admin.ApiKeys : Links.Staff.Admin.Accounts;

    public async Task<IActionResult> OnGetAsync(string what, Guid id)
    {
        Issued = await journeys.GetAsync<IssuedSecret>(IssuedSecret.Kind, id, HttpContext.RequestAborted);
        if (Issued is null || Issued.What != what)
        {
            Issued = null;
            return Page();
        }
        await journeys.RemoveAsync(IssuedSecret.Kind, id, HttpContext.RequestAborted);
        // Not kept by the browser or any cache on the way.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
