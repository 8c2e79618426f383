using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Web.Staff;
using Grpc.Core;

namespace ComplaintsPlatform.Web.Pages.Staff.Cases;

/// <summary>The case page: everything the services let this officer see about one case, and the actions they may take.</summary>
public sealed class CaseModel(StaffTokens tokens, StaffDirectory directory, CaseWorkflow.V1.Cases.CasesClient cases,
    OfficerWork.OfficerWorkClient officerWork, Intake.V1.Intake.IntakeClient intake, Intake.V1.Registers.RegistersClient registers) : StaffPage(tokens, directory)
{
    public CaseWorkflow.V1.Case Case { get; private set; } = new();

    public IReadOnlyList<CaseFact> Facts { get; private set; } = [];

    /// <summary>Null when the officer's role does not see the letters (the complaints team does).</summary>
    public IReadOnlyList<CorrespondenceRecord>? Letters { get; private set; }

    public OfficerTimeTotals? Time { get; private set; }

    /// <summary>Null unless the officer is in the complaints team.</summary>
    public IReadOnlyList<AuditEntry>? Audit { get; private set; }

    public string? Done { get; private set; }

    /// <summary>The person's registers in full (the complaints team); others see the codes on the case.</summary>
    public PersonRegisters? Registers { get; private set; }

    public async Task OnGetAsync(string caseId, string? done)
    {
        Done = done is null ? null : CaseText.FromSlug(done) is { } action ? $"{CaseText.Action(action)}: done" : null;
        Case = await cases.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, Call);
        Facts = (await cases.GetCaseHistoryAsync(new GetCaseRequest { CaseId = caseId }, Call)).Facts;
        Time = await OptionalAsync(() => officerWork.GetOfficerTimeAsync(new GetOfficerTimeRequest { CaseId = caseId }, Call).ResponseAsync);
        if (User.IsInRole("complaints_team"))
        {
            // A case the team opened itself has no contact in Intake, so nothing was sent through it.
            Letters = Case.ContactId.Length == 0 ? []
                : (await OptionalAsync(() => intake.ListCorrespondenceAsync(new ListCorrespondenceRequest { ContactId = Case.ContactId }, Call).ResponseAsync))?.Items;
            // A case the team logged itself may name a person Intake does not hold (not an Intake id).
            Registers = !Guid.TryParse(Case.PersonId, out _) ? null
                : await OptionalAsync(() => registers.GetPersonRegistersAsync(new GetPersonRegistersRequest { PersonId = Case.PersonId }, Call).ResponseAsync);
            Audit = (await OptionalAsync(() => cases.GetAuditTrailAsync(new GetAuditTrailRequest { CaseId = caseId, PageSize = 200 }, Call).ResponseAsync))?.Entries;
        }
    }

    /// <summary>A part of the page the officer's role may not see is left out, not an error.</summary>
    private static async Task<T?> OptionalAsync<T>(Func<Task<T>> call) where T : class
    {
        try
        {
            return await call();
        }
        catch (RpcException ex) when (ex.StatusCode is Grpc.Core.StatusCode.PermissionDenied or Grpc.Core.StatusCode.NotFound)
        {
            return null;
        }
    }

    public string Handler => Case.HandlerId.Length == 0 ? "Not allocated" : Directory.Officer(Case.HandlerId);

    public string StageName => Case.Stages.FirstOrDefault(s => s.Number == Case.CurrentStage)?.Name ?? $"Stage {Case.CurrentStage}";

    public string IssueSummary(string issueId) => Case.Issues.FirstOrDefault(i => i.Id == issueId)?.Summary ?? issueId;
}
