using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintsPlatform.Web.Pages.Staff.Admin;

/// <summary>
/// Change a stream's timescales: the complaints team first sees the Code conformance findings of the
/// changed policy as warnings (CaseWorkflow's check of the candidate), then saves it as a new version.
/// </summary>
public sealed class PolicyModel(StaffTokens tokens, StaffDirectory directory, Procedures.ProceduresClient procedures)
    : AdminPage(tokens, directory, "complaints_team")
{
    protected override bool UsesDirectory => false;

    [BindProperty] public List<string?> Values { get; set; } = [];

    [BindProperty] public List<string?> Extensions { get; set; } = [];

    [BindProperty] public string? Reason { get; set; }

    public ProcedurePolicy Policy { get; private set; } = new();

    public StreamConformance? Findings { get; private set; }

    public bool Checked { get; private set; }

    public bool Saved { get; private set; }

    /// <summary>Every clock of every stage, in the order the inputs are numbered.</summary>
    public IEnumerable<(int Index, StagePolicy Stage, Clock Clock)> Clocks =>
        Policy.Stages.SelectMany(s => s.Clocks.Select(c => (s, c))).Select((x, i) => (i, x.s, x.c));

    public async Task<IActionResult> OnGetAsync(string stream, bool saved = false)
    {
        if (!await LoadAsync(stream))
        {
            return NotFound();
        }
        Saved = saved;
        Values = Clocks.Select(c => (string?)c.Clock.Period?.Value.ToString()).ToList();
        Extensions = Clocks.Select(c => (string?)(c.Clock.MaxExtension?.Value ?? 0).ToString()).ToList();
        return Page();
    }

    /// <summary>The changed policy checked against the Code: its findings are shown before anything is saved.</summary>
    public async Task<IActionResult> OnPostCheckAsync(string stream)
    {
        if (!await LoadAsync(stream))
        {
            return NotFound();
        }
        if (Apply())
        {
            await CheckAsync();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string stream)
    {
        if (!await LoadAsync(stream))
        {
            return NotFound();
        }
        if (Apply())
        {
            try
            {
                await procedures.UpdatePolicyAsync(new UpdatePolicyRequest { Policy = Policy, ChangeReason = Reason?.Trim() ?? "" }, Call);
                return Redirect(Links.Staff.Admin.Policy(stream) + "?saved=true");
            }
            catch (RpcException ex) when (Invalid(ex, Clocks.SelectMany(c => Inputs(c.Index, c.Stage, c.Clock)).Prepend(new("change_reason", nameof(Reason), "Why")).ToArray()))
            {
            }
            await CheckAsync();
        }
        return Page();
    }

    private async Task CheckAsync()
    {
        var reply = await procedures.CheckCodeConformanceAsync(new CheckCodeConformanceRequest { Candidate = Policy }, Call);
        Findings = reply.Streams.FirstOrDefault(s => s.Stream == Policy.Stream);
        Checked = true;
    }

    /// <summary>The typed timescales onto the policy read from CaseWorkflow; false with errors when one is not a whole number.</summary>
    private bool Apply()
    {
        foreach (var (index, _, clock) in Clocks.ToList())
        {
            if (!int.TryParse(Values.ElementAtOrDefault(index)?.Trim(), out var value))
            {
                ModelState.AddModelError($"Values[{index}]", $"Enter the timescale for {PoliciesModel.Clock(clock.Kind).ToLowerInvariant()} as a whole number");
                continue;
            }
            clock.Period ??= new CaseWorkflow.V1.Period();
            clock.Period.Value = value;
            if (int.TryParse(Extensions.ElementAtOrDefault(index)?.Trim(), out var extension) && (extension > 0 || clock.MaxExtension is not null))
            {
                clock.MaxExtension ??= new CaseWorkflow.V1.Period { Unit = clock.Period.Unit };
                clock.MaxExtension.Value = extension;
            }
        }
        ViewData["HasErrors"] = ModelState.ErrorCount > 0;
        return ModelState.ErrorCount == 0;
    }

    private IEnumerable<FieldInput> Inputs(int index, StagePolicy stage, Clock clock)
    {
        var s = $"policy.stages[{Policy.Stages.IndexOf(stage)}].clocks[{stage.Clocks.IndexOf(clock)}]";
        yield return new(s + ".period", $"Values[{index}]", "Timescale");
        yield return new(s + ".max_extension", $"Extensions[{index}]", "Longest extension");
    }

    private async Task<bool> LoadAsync(string stream)
    {
        if (!Enum.TryParse<ComplaintStream>(stream, ignoreCase: true, out var s) || s == ComplaintStream.Unspecified)
        {
            return false;
        }
        Policy = await procedures.GetPolicyAsync(new GetPolicyRequest { Stream = s }, Call);
        return true;
    }
}
