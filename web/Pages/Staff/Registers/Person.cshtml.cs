using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;

namespace ComplaintsPlatform.Web.Pages.Staff.Registers;

/// <summary>A person's reasonable adjustments and restrictions, active and ended, with their reviews.</summary>
public sealed class PersonModel(StaffTokens tokens, StaffDirectory directory, Intake.V1.Registers.RegistersClient registers) : StaffPage(tokens, directory)
{
    public PersonRegisters Registers { get; private set; } = new();

    public string Back { get; private set; } = Links.Staff.Registers;

    public string? Done { get; private set; }

    public async Task OnGetAsync(string personId, string? back, string? done)
    {
        Back = SafeBack(back);
        Done = done switch
        {
            "adjustment" => "Adjustment recorded",
            "restriction" => "Restriction recorded; the person is written to",
            "reviewed" => "Review recorded",
            _ => null,
        };
        Registers = await registers.GetPersonRegistersAsync(new GetPersonRegistersRequest { PersonId = personId }, Call);
    }

    /// <summary>The person's page after a change: the notice of what was done, and the same way back.</summary>
    public static string After(string personId, string? back, string done) =>
        $"{Links.Staff.Registers}/people/{personId}?done={done}" + (back is { Length: > 0 } ? $"&back={Uri.EscapeDataString(SafeBack(back))}" : "");

    /// <summary>Back to the staff page the officer came from; anything else goes back to the queue.</summary>
    public static string SafeBack(string? back) =>
        back is { Length: > 1 } b && b.StartsWith(Links.Staff.Home + "/", StringComparison.Ordinal) && !b.StartsWith("//", StringComparison.Ordinal) && !b.Contains('\\')
            ? b : Links.Staff.Registers;
}
