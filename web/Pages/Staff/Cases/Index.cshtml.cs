using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Web.Components;
using ComplaintsPlatform.Web.Staff;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintsPlatform.Web.Pages.Staff.Cases;

/// <summary>The work queues: the service decides which cases the officer sees; the page filters, sorts and pages them.</summary>
public sealed class IndexModel(StaffTokens tokens, StaffDirectory directory, CaseWorkflow.V1.Cases.CasesClient cases) : StaffPage(tokens, directory)
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string? Scope { get; set; }
    [BindProperty(SupportsGet = true)] public string? Stream { get; set; }
    [BindProperty(SupportsGet = true)] public int Stage { get; set; }
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Due { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public bool Desc { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public ListCasesReply Reply { get; private set; } = new();

    public async Task OnGetAsync()
    {
        PageNumber = Math.Max(1, PageNumber);
        var request = new ListCasesRequest
        {
            Scope = Enum.TryParse<QueueScope>(Scope, out var scope) ? scope : QueueScope.All,
            Stream = Enum.TryParse<ComplaintStream>(Stream, out var stream) ? stream : ComplaintStream.Unspecified,
            Stage = Stage,
            ServiceAreaId = Area ?? "",
            Status = Enum.TryParse<CaseWorkflow.V1.CaseStatus>(Status, out var status) ? status : CaseWorkflow.V1.CaseStatus.Unspecified,
            OverdueOnly = Due == "overdue",
            DueWithinWorkingDays = Due == "soon" ? 3 : 0,
            Sort = Enum.TryParse<CaseSort>(Sort, out var sort) ? sort : CaseSort.NextDeadline,
            Descending = Desc,
            PageSize = PageSize,
            PageToken = PageNumber > 1 ? ((PageNumber - 1) * PageSize).ToString() : "",
        };
        Reply = await cases.ListCasesAsync(request, Call);
    }

    public int Pages => Math.Max(1, (Reply.TotalSize + PageSize - 1) / PageSize);

    /// <summary>This queue's address with some of its settings changed (sorting, paging).</summary>
    public string QueueUrl(string? sort = null, bool? desc = null, int? page = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["Scope"] = Scope, ["Stream"] = Stream, ["Stage"] = Stage > 0 ? Stage.ToString() : null, ["Area"] = Area, ["Status"] = Status, ["Due"] = Due,
            ["Sort"] = sort ?? Sort, ["Desc"] = (desc ?? Desc) ? "true" : null, ["page"] = (page ?? PageNumber) > 1 ? (page ?? PageNumber).ToString() : null,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Infrastructure.Links.Staff.Cases,
            query.Where(q => !string.IsNullOrEmpty(q.Value)).ToDictionary(q => q.Key, q => q.Value));
    }

    public string? AriaSort(string column) =>
        (Sort ?? nameof(CaseSort.NextDeadline)) == column ? (Desc ? "descending" : "ascending") : "none";

    public static readonly IReadOnlyList<Choice> Scopes =
        [new("", "All I may see"), new(nameof(QueueScope.Mine), "My cases"), new(nameof(QueueScope.MyTeam), "My team's cases")];

    public static readonly IReadOnlyList<ChoiceGroup> Streams =
    [
        new("Streams", Enum.GetValues<ComplaintStream>().Where(s => s != ComplaintStream.Unspecified).Select(s => new Choice(s.ToString(), CaseText.Stream(s))).ToList()),
    ];

    public static readonly IReadOnlyList<ChoiceGroup> Statuses =
    [
        new("Statuses", Enum.GetValues<CaseWorkflow.V1.CaseStatus>().Where(s => s != CaseWorkflow.V1.CaseStatus.Unspecified)
            .Select(s => new Choice(s.ToString(), CaseText.Status(s))).ToList()),
    ];

    public static readonly IReadOnlyList<ChoiceGroup> Stages = [new("Stages", [new("1", "Stage 1"), new("2", "Stage 2"), new("3", "Stage 3")])];

    public static readonly IReadOnlyList<Choice> DueChoices = [new("", "Any"), new("soon", "Due within 3 working days"), new("overdue", "Overdue")];
}
