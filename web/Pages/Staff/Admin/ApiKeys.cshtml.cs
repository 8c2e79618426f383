using ComplaintsPlatform.Reporting.V1;
using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintsPlatform.Web.Pages.Staff.Admin;

/// <summary>Reporting's API keys for scrutiny clients: issued (the key shown once), listed with their last use, revoked.</summary>
public sealed class ApiKeysModel(StaffTokens tokens, StaffDirectory directory, Reporting.V1.Reporting.ReportingClient reporting,
    JourneyStore journeys, TimeProvider clock) : AdminPage(tokens, directory, "administrator", "complaints_team")
{
    protected override bool UsesDirectory => false;

    [BindProperty] public string? KeyName { get; set; }

    public List<ApiKey> Keys { get; } = [];

    public bool Revoked { get; private set; }

    public async Task OnGetAsync(bool revoked = false)
    {
        Revoked = revoked;
        await ListAsync();
    }

    public async Task<IActionResult> OnPostIssueAsync()
    {
        try
        {
            var issued = await reporting.IssueApiKeyAsync(new IssueApiKeyRequest { Name = KeyName?.Trim() ?? "" }, Call);
            var secret = new IssuedSecret(Guid.NewGuid(), clock.GetUtcNow(), "api-keys", issued.Key.Name, "", issued.Secret);
            await journeys.SaveAsync(IssuedSecret.Kind, secret, HttpContext.RequestAborted);
            return Redirect(Links.Staff.Admin.Issued("api-keys", secret.Id));
        }
        catch (RpcException ex) when (Invalid(ex, new FieldInput("name", nameof(KeyName), "Who the key is for")))
        {
        }
        await ListAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string keyId)
    {
        await reporting.RevokeApiKeyAsync(new RevokeApiKeyRequest { KeyId = keyId }, Call);
        return Redirect(Links.Staff.Admin.ApiKeys + "?revoked=true");
    }

    private async Task ListAsync() => Keys.AddRange((await reporting.ListApiKeysAsync(new ListApiKeysRequest(), Call)).Keys.OrderByDescending(k => k.IssuedAt));

    public static string When(Google.Protobuf.WellKnownTypes.Timestamp? at) => at is null ? "" : at.ToDateTime().ToString("d MMM yyyy HH:mm") + " UTC";
}
