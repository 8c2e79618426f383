using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Web.Components;
using Grpc.Core;
using CaseImportClient = ComplaintsPlatform.CaseWorkflow.V1.CaseImport.CaseImportClient;
using ComplimentsImportClient = ComplaintsPlatform.Compliments.V1.ComplimentsImport.ComplimentsImportClient;
using IntakeImportClient = ComplaintsPlatform.Intake.V1.IntakeImport.IntakeImportClient;
using OmbudsmanImportClient = ComplaintsPlatform.Ombudsman.V1.OmbudsmanImport.OmbudsmanImportClient;

namespace ComplaintsPlatform.Web.Pages.Staff.Imports;

/// <summary>
/// The kinds of history that import as jobs, by the name their owning service gives them (also their
/// address), each with the columns its service's header check requires (the template has the rest).
/// </summary>
public static class ImportKinds
{
    public const string Contacts = "contacts";
    public const string Cases = "cases";
    public const string CaseActions = "case_actions";
    public const string Enquiries = "enquiries";
    public const string Recommendations = "recommendations";
    public const string Compliments = "compliments";

    public static readonly IReadOnlyList<Choice> All =
    [
        new(Contacts, "Contacts (contacts template)", "The header must include source_id, kind, channel, received, triage_decision, summary."),
        new(Cases, "Cases (cases template)", "The header must include source_id, stream, service_area, received."),
        new(CaseActions, "Case remedies and learning actions (case actions template)",
            "The header must include source_id, case_source_id, kind, due. Import the cases they belong to first."),
        new(Enquiries, "Ombudsman enquiries (enquiries template)", "The header must include ombudsman, ombudsman_reference, directorate, received."),
        new(Recommendations, "Ombudsman recommendations (recommendations template)",
            "The header must include source_id, ombudsman, ombudsman_reference, type, due. Import the enquiries they belong to first."),
        new(Compliments, "Compliments (compliments template)", "The header must include source_id, received_on, service_area, channel."),
    ];

    public static bool IsKnown(string? kind) => All.Any(k => k.Value == kind);
}

/// <summary>Each kind's start and progress calls, to the service that owns it, through the gateway.</summary>
public sealed class ImportJobsClient(IntakeImportClient intake, CaseImportClient cases, OmbudsmanImportClient ombudsman, ComplimentsImportClient compliments)
{
    public Task<ImportJob> StartAsync(string kind, StartImportRequest request, CallOptions call) => kind switch
    {
        ImportKinds.Contacts => intake.StartImportAsync(request, call).ResponseAsync,
        ImportKinds.Cases => cases.StartCasesImportAsync(request, call).ResponseAsync,
        ImportKinds.CaseActions => cases.StartCaseActionsImportAsync(request, call).ResponseAsync,
        ImportKinds.Enquiries => ombudsman.StartEnquiriesImportAsync(request, call).ResponseAsync,
        ImportKinds.Recommendations => ombudsman.StartRecommendationsImportAsync(request, call).ResponseAsync,
        ImportKinds.Compliments => compliments.StartImportAsync(request, call).ResponseAsync,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a kind of import"),
    };

    public Task<ImportJob> GetAsync(string kind, string jobId, CallOptions call)
    {
        var request = new GetImportJobRequest { JobId = jobId };
        return kind switch
        {
            ImportKinds.Contacts => intake.GetImportJobAsync(request, call).ResponseAsync,
            ImportKinds.Cases or ImportKinds.CaseActions => cases.GetImportJobAsync(request, call).ResponseAsync,
            ImportKinds.Enquiries or ImportKinds.Recommendations => ombudsman.GetImportJobAsync(request, call).ResponseAsync,
            ImportKinds.Compliments => compliments.GetImportJobAsync(request, call).ResponseAsync,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a kind of import"),
        };
    }
}
