using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using OmbudsmanBody = ComplaintsPlatform.Ombudsman.V1.Ombudsman;
using OmbudsmanLiaisonClient = ComplaintsPlatform.Ombudsman.V1.OmbudsmanLiaison.OmbudsmanLiaisonClient;

namespace ComplaintsPlatform.Web.Pages.Staff.LinkOfficer;

/// <summary>
/// The annual letter's benchmark figures for a year: the council's, the average for councils of its
/// type, and a neighbour's (upheld rate, upheld per 100,000 residents, compliance, satisfactory remedies).
/// </summary>
public sealed class BenchmarksModel(StaffTokens tokens, StaffDirectory directory, OmbudsmanLiaisonClient ombudsman) : StaffForm(tokens, directory)
{
    [BindProperty(SupportsGet = true)] public string? Body { get; set; } = nameof(OmbudsmanBody.Lgsco);
    [BindProperty(SupportsGet = true)] public string? Year { get; set; }
    [BindProperty] public FigureInputs Council { get; set; } = new();
    [BindProperty] public FigureInputs Average { get; set; } = new();
    [BindProperty] public string? NeighbourCode { get; set; }
    [BindProperty] public string? NeighbourName { get; set; }
    [BindProperty] public FigureInputs Neighbour { get; set; } = new();

    public BenchmarkFigures? Stored { get; private set; }

    public bool Saved { get; private set; }

    protected override IReadOnlyList<FieldInput> Inputs =>
    [
        new("year", nameof(Year), "Year"), new("ombudsman", nameof(Body), "Ombudsman"),
        .. FigureInputs.Fields("council", nameof(Council), "Council"),
        .. FigureInputs.Fields("council_type_average", nameof(Average), "Average"),
        new("neighbours[0].council_code", nameof(NeighbourCode), "Neighbour's code"),
        new("neighbours[0].council_name", nameof(NeighbourName), "Neighbour's name"),
        .. FigureInputs.Fields("neighbours[0].figures", nameof(Neighbour), "Neighbour"),
    ];

    public async Task<IActionResult> OnGetAsync(string? saved)
    {
        if (!OmbudsmanText.Sees(User))
        {
            return Refuse("You cannot open this", "The Ombudsman pages are for the link officers, the complaints team and service leads.");
        }
        Saved = saved is not null;
        if (int.TryParse(Year, out var year) && Enum.TryParse<OmbudsmanBody>(Body, out var body))
        {
            try
            {
                Stored = await ombudsman.GetBenchmarkFiguresAsync(new GetBenchmarkFiguresRequest { Year = year, Ombudsman = body }, Call);
            }
            catch (RpcException e) when (e.StatusCode == Grpc.Core.StatusCode.NotFound)
            {
                Stored = null;
            }
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        try
        {
            var request = new RecordBenchmarkFiguresRequest
            {
                Year = int.TryParse(Year?.Trim(), out var y) ? y : throw Invalid(nameof(Year), "must be a year, like 2024"),
                Ombudsman = Enum.TryParse<OmbudsmanBody>(Body, out var body) ? body : OmbudsmanBody.Unspecified,
                Council = Figures(Council, nameof(Council)),
            };
            if (!Average.IsEmpty)
            {
                request.CouncilTypeAverage = Figures(Average, nameof(Average));
            }
            if (!string.IsNullOrWhiteSpace(NeighbourCode) || !string.IsNullOrWhiteSpace(NeighbourName) || !Neighbour.IsEmpty)
            {
                request.Neighbours.Add(new NeighbourFigures
                {
                    CouncilCode = NeighbourCode?.Trim() ?? "", CouncilName = NeighbourName?.Trim() ?? "", Figures = Figures(Neighbour, nameof(Neighbour)),
                });
            }
            await ombudsman.RecordBenchmarkFiguresAsync(request, Call);
            return Redirect($"{Links.Staff.Ombudsman.Benchmarks}?Year={request.Year}&Body={request.Ombudsman}&saved=1");
        }
        catch (RpcException e) when (Refused(e))
        {
            return Page();
        }
    }

    private Figures Figures(FigureInputs inputs, string key) => new()
    {
        UpheldRateBasisPoints = Hundredths(inputs.UpheldRate, key + "." + nameof(FigureInputs.UpheldRate)),
        UpheldPer100KHundredths = Hundredths(inputs.UpheldPer100k, key + "." + nameof(FigureInputs.UpheldPer100k)),
        ComplianceBasisPoints = Hundredths(inputs.Compliance, key + "." + nameof(FigureInputs.Compliance)),
        SatisfactoryRemedyBasisPoints = Hundredths(inputs.SatisfactoryRemedy, key + "." + nameof(FigureInputs.SatisfactoryRemedy)),
    };
}

/// <summary>One row of benchmark figures as typed: percentages and a rate per 100,000 residents.</summary>
public sealed class FigureInputs
{
    public string? UpheldRate { get; set; }
    public string? UpheldPer100k { get; set; }
    public string? Compliance { get; set; }
    public string? SatisfactoryRemedy { get; set; }

    public bool IsEmpty => new[] { UpheldRate, UpheldPer100k, Compliance, SatisfactoryRemedy }.All(string.IsNullOrWhiteSpace);

    public static IEnumerable<FieldInput> Fields(string field, string key, string who) =>
    [
        new(field + ".upheld_rate_basis_points", key + "." + nameof(UpheldRate), $"{who}: complaints upheld (%)"),
        new(field + ".upheld_per_100k_hundredths", key + "." + nameof(UpheldPer100k), $"{who}: upheld per 100,000 residents"),
        new(field + ".compliance_basis_points", key + "." + nameof(Compliance), $"{who}: compliance with recommendations (%)"),
        new(field + ".satisfactory_remedy_basis_points", key + "." + nameof(SatisfactoryRemedy), $"{who}: satisfactory remedies (%)"),
        new(field, key + "." + nameof(UpheldRate), $"{who}: complaints upheld (%)"),
    ];
}
