using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Web.Staff;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintsPlatform.Web.Pages.Staff;

/// <summary>The officer's numbers, from the services' own queues, asked with the officer's own token.</summary>
public sealed class IndexModel(StaffTokens tokens, Intake.V1.Intake.IntakeClient intake, CaseWorkflow.V1.Cases.CasesClient cases,
    OfficerWork.OfficerWorkClient officerWork) : PageModel
{
    // The largest page the triage queue gives (Intake refuses more); counts past it show as "500+".
    private const int Cap = 500;

    public sealed record Figure(string Key, string Value, string Label);

    public List<Figure> Figures { get; } = [];

    public bool Unavailable { get; private set; }

    /// <summary>The officer's open tasks (a late response's delay to record) and reminders, newest first.</summary>
    public List<Reminder> Tasks { get; } = [];

    public bool SeesDataProtection => DataProtectionText.Sees(User);

    public async Task OnGetAsync()
    {
        if (!StaffSignIn.CaseRoles.Any(User.IsInRole))
        {
            return; // council staff log contacts; they have no queues
        }
        var call = await tokens.CallOptionsAsync(HttpContext.RequestAborted);
        if (User.IsInRole("complaints_team"))
        {
            Figures.Add(new("untriaged", await CountAsync(async () =>
                (await intake.ListTriageQueueAsync(new ListTriageQueueRequest { PageSize = Cap }, call)).Items.Count), "contacts waiting for triage"));
        }
        var scope = User.IsInRole("complaints_team") ? QueueScope.All : User.IsInRole("handler") ? QueueScope.Mine : QueueScope.All;
        Figures.Add(new("due-soon", await CountAsync(() => CasesAsync(new ListCasesRequest { Scope = scope, DueWithinWorkingDays = 3 }, call)),
            "cases due within 3 working days"));
        Figures.Add(new("overdue", await CountAsync(() => CasesAsync(new ListCasesRequest { Scope = scope, OverdueOnly = true }, call)), "cases overdue"));
        await CountAsync(async () =>
        {
            Tasks.AddRange((await officerWork.ListMyRemindersAsync(new ListMyRemindersRequest { PageSize = 50 }, call)).Reminders.Where(r => r.DoneAt is null));
            return Tasks.Count;
        });
    }

    private async Task<int> CasesAsync(ListCasesRequest request, CallOptions call)
    {
        var count = 0;
        request.PageSize = 200;
        do
        {
            var page = await cases.ListCasesAsync(request, call);
            count += page.Cases.Count;
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0 && count < Cap);
        return count;
    }

    private async Task<string> CountAsync(Func<Task<int>> count)
    {
        try
        {
            var n = await count();
            return n >= Cap ? $"{Cap}+" : n.ToString();
        }
        catch (RpcException ex) when (ex.StatusCode is Grpc.Core.StatusCode.PermissionDenied or Grpc.Core.StatusCode.Unauthenticated)
        {
            return "–";
        }
        catch (RpcException ex) when (ex.StatusCode is Grpc.Core.StatusCode.Unavailable or Grpc.Core.StatusCode.DeadlineExceeded or Grpc.Core.StatusCode.Internal)
        {
            Unavailable = true;
            return "–";
        }
    }
}
