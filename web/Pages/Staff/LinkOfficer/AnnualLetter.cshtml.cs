using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.Web.Components;
using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using OmbudsmanBody = ComplaintsPlatform.Ombudsman.V1.Ombudsman;
using OmbudsmanLiaisonClient = ComplaintsPlatform.Ombudsman.V1.OmbudsmanLiaison.OmbudsmanLiaisonClient;

namespace ComplaintsPlatform.Web.Pages.Staff.LinkOfficer;

/// <summary>
/// The annual letter's case-by-case spreadsheets (received, decided, compliance), uploaded as the
/// .xlsx the Ombudsman sends or as CSV, reconciled by the service with the council's records; the
/// result is kept for a day under its own address (post, redirect, get) and shown side by side.
/// </summary>
public sealed class AnnualLetterModel(StaffTokens tokens, StaffDirectory directory, OmbudsmanLiaisonClient ombudsman,
    JourneyStore store, TimeProvider clock) : StaffForm(tokens, directory)
{
    private const string Kind = "annual-letter";
    private const long MaxFileBytes = 5_000_000;

    [BindProperty] public string? Body { get; set; }
    [BindProperty] public string? Year { get; set; }
    [BindProperty] public IFormFile? Received { get; set; }
    [BindProperty] public IFormFile? Decided { get; set; }
    [BindProperty] public IFormFile? Compliance { get; set; }

    public ReconciliationResult? Result { get; private set; }

    protected override IReadOnlyList<FieldInput> Inputs =>
    [
        new("ombudsman", nameof(Body), "Ombudsman"),
        new("period_start", nameof(Year), "Year"), new("period_end", nameof(Year), "Year"),
        new("received_csv", nameof(Received), "Complaints received file"), new("received_xlsx", nameof(Received), "Complaints received file"),
        new("decided_csv", nameof(Decided), "Complaints decided file"), new("decided_xlsx", nameof(Decided), "Complaints decided file"),
        new("compliance_csv", nameof(Compliance), "Compliance file"), new("compliance_xlsx", nameof(Compliance), "Compliance file"),
    ];

    public async Task<IActionResult> OnGetAsync(Guid? reconciliationId)
    {
        if (!OmbudsmanText.Records(User))
        {
            return Refuse("You cannot open this", "Only the link officers and the complaints team reconcile the annual letter.");
        }
        if (reconciliationId is { } id)
        {
            Result = await store.GetAsync<ReconciliationResult>(Kind, id, HttpContext.RequestAborted);
            if (Result is null)
            {
                return NotFound();
            }
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!OmbudsmanText.Records(User))
        {
            return Refuse("You cannot open this", "Only the link officers and the complaints team reconcile the annual letter.");
        }
        try
        {
            var year = int.TryParse(Year?.Trim(), out var y) ? y : throw Invalid(nameof(Year), "must be a year, like 2024");
            var request = new ReconcileAnnualLetterRequest
            {
                Ombudsman = Enum.TryParse<OmbudsmanBody>(Body, out var body) ? body : OmbudsmanBody.Unspecified,
                // The Ombudsman's year runs from 1 April to 31 March.
                PeriodStart = new Google.Type.Date { Year = year, Month = 4, Day = 1 },
                PeriodEnd = new Google.Type.Date { Year = year + 1, Month = 3, Day = 31 },
            };
            (request.ReceivedXlsx, request.ReceivedCsv) = await ReadAsync(Received, nameof(Received));
            (request.DecidedXlsx, request.DecidedCsv) = await ReadAsync(Decided, nameof(Decided));
            (request.ComplianceXlsx, request.ComplianceCsv) = await ReadAsync(Compliance, nameof(Compliance));
            var reconciliation = await ombudsman.ReconcileAnnualLetterAsync(request, Call);
            var result = new ReconciliationResult
            {
                Id = Guid.NewGuid(), StartedAt = clock.GetUtcNow(), Ombudsman = request.Ombudsman.ToString(), Year = year,
                Reconciliation = JsonFormatter.Default.Format(reconciliation),
            };
            await store.SaveAsync(Kind, result, HttpContext.RequestAborted);
            return Redirect(Links.Staff.Ombudsman.Reconciliation(result.Id));
        }
        catch (RpcException e) when (Refused(e))
        {
            return Page();
        }
    }

    /// <summary>A spreadsheet goes to the service as the bytes of its .xlsx; anything else as CSV text.</summary>
    private async Task<(ByteString Xlsx, string Csv)> ReadAsync(IFormFile? file, string key)
    {
        if (file is null || file.Length == 0)
        {
            return (ByteString.Empty, "");
        }
        if (file.Length > MaxFileBytes)
        {
            throw Invalid(key, "must be smaller than 5 MB");
        }
        await using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, HttpContext.RequestAborted);
        return file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
            ? (ByteString.CopyFrom(buffer.ToArray()), "")
            : (ByteString.Empty, System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>Every case of one file: agreed, differing, or on one side only, by reference.</summary>
    public IEnumerable<(string Reference, string Theirs, string Ours, DifferenceKind? Kind)> Rows(LetterFile file)
    {
        var reconciliation = Result!.Read();
        return reconciliation.Matches.Where(m => m.File == file).Select(m => (m.OmbudsmanReference, m.Value, m.Value, (DifferenceKind?)null))
            .Concat(reconciliation.Differences.Where(d => d.File == file).Select(d => (d.OmbudsmanReference, d.Theirs, d.Ours, (DifferenceKind?)d.Kind)))
            .OrderBy(r => r.Item4 is null ? 1 : 0).ThenBy(r => r.OmbudsmanReference, StringComparer.Ordinal);
    }
}

/// <summary>A reconciliation's result, kept a day under its id for the result page.</summary>
public sealed class ReconciliationResult : IJourney
{
    public Guid Id { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public string Ombudsman { get; set; } = "";

    public int Year { get; set; }

    public string Reconciliation { get; set; } = "";

    public Reconciliation Read() => JsonParser.Default.Parse<Reconciliation>(Reconciliation);
}
