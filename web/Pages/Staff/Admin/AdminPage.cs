using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ComplaintsPlatform.Web.Pages.Staff.Admin;

/// <summary>
/// An administration page for one role: the complaints team's council configuration, or the
/// administrator's accounts and keys. Every change is the owning service's to check; its field
/// violations come back as the page's errors.
/// </summary>
public abstract class AdminPage(StaffTokens tokens, StaffDirectory directory, params string[] roles) : StaffPage(tokens, directory)
{
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!roles.Any(User.IsInRole))
        {
            context.Result = Refuse("You cannot open this", roles.Contains("administrator")
                ? "Staff accounts and API keys are managed by the administrator."
                : "The council configuration is changed by the complaints team.");
            return;
        }
        await base.OnPageHandlerExecutionAsync(context, next);
    }

    /// <summary>The service's violations as the page's errors (inputs first, the rest in the summary); true when there were any.</summary>
    protected bool Invalid(RpcException ex, params FieldInput[] inputs)
    {
        var violations = ServiceErrors.Violations(ex);
        if (violations.Count == 0)
        {
            if (ex.StatusCode is Grpc.Core.StatusCode.FailedPrecondition or Grpc.Core.StatusCode.AlreadyExists)
            {
                ModelState.AddModelError("", ex.Status.Detail);
                ViewData["HasErrors"] = true;
                return true;
            }
            return false;
        }
        ServiceErrors.AddTo(ModelState, violations, inputs);
        foreach (var v in violations.Where(v => !inputs.Any(i => v.Field == i.ServiceField || v.Field.StartsWith(i.ServiceField + ".", StringComparison.Ordinal) || v.Field.StartsWith(i.ServiceField + "[", StringComparison.Ordinal))))
        {
            ModelState.AddModelError("", v.Description.Length > 0 ? $"{v.Field}: {v.Description}" : v.Field);
        }
        ViewData["HasErrors"] = true;
        return true;
    }
}

/// <summary>A change to the council configuration: the current version, changed, saved as the next with a reason.</summary>
public abstract class ConfigurationPage(StaffTokens tokens, StaffDirectory directory, CouncilDirectory.CouncilDirectoryClient council)
    : AdminPage(tokens, directory, "complaints_team")
{
    public CouncilConfiguration Configuration { get; private set; } = new();

    public bool Saved { get; protected set; }

    protected async Task LoadAsync() =>
        Configuration = await council.GetConfigurationAsync(new GetConfigurationRequest(), Call);

    /// <summary>Saves the changed configuration as the next version; false with the page's errors when the service refuses it.</summary>
    protected async Task<bool> SaveAsync(Action<CouncilConfiguration> change, string reason, params FieldInput[] inputs)
    {
        await LoadAsync();
        var proposed = Configuration.Clone();
        change(proposed);
        try
        {
            await council.UpdateConfigurationAsync(new UpdateConfigurationRequest { Configuration = proposed, ExpectedVersion = Configuration.Version, ChangeReason = reason }, Call);
            Directory.Forget();
            return true;
        }
        catch (RpcException ex) when (Invalid(ex, inputs))
        {
            return false;
        }
    }
}
