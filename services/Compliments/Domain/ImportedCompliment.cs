using System.Security.Cryptography;
using System.Text;
using ComplaintsPlatform.Compliments.V1;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Import;
using ComplaintsPlatform.Intake.V1;

namespace ComplaintsPlatform.Compliments.Domain;

/// <summary>
/// The council's organisation as a historic row is checked against: every service area, team and officer
/// ever known (not only current ones, since history names those that have since gone) and today's date.
/// </summary>
public sealed record ImportDirectory(
    DateOnly Today, IReadOnlySet<string> ServiceAreas, IReadOnlyDictionary<string, string> TeamAreas, IReadOnlySet<string> Officers);

/// <summary>One valid row of the compliments template (docs/import/compliments.md).</summary>
public sealed record ImportedCompliment(
    int Line, string SourceId, DateOnly ReceivedOn, string ServiceAreaId, string? TeamId, string? OfficerId, Channel Channel,
    Giver Giver, string? Words, bool ConsentToQuote, string? QuotableText, byte[] Fingerprint)
{
    public const string SourceIdColumn = "source_id";
    public const string ReceivedOnColumn = "received_on";
    public const string ServiceAreaColumn = "service_area";
    public const string TeamColumn = "team";
    public const string OfficerColumn = "officer";
    public const string ChannelColumn = "channel";
    public const string GiverColumn = "giver";
    public const string WordsColumn = "words";
    public const string ConsentColumn = "consent_to_quote";
    public const string QuotableTextColumn = "quotable_text";

    public static readonly string[] Required = [SourceIdColumn, ReceivedOnColumn, ServiceAreaColumn, ChannelColumn];

    public static readonly IReadOnlySet<string> Columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        SourceIdColumn, ReceivedOnColumn, ServiceAreaColumn, TeamColumn, OfficerColumn, ChannelColumn, GiverColumn,
        WordsColumn, ConsentColumn, QuotableTextColumn,
    };

    /// <summary>The row as a compliment, or null with every fault recorded on <paramref name="row"/>.</summary>
    public static ImportedCompliment? Parse(CsvRow row, ImportDirectory directory)
    {
        var sourceId = row.Text(SourceIdColumn, 80, required: true);
        var receivedOn = row.Date(ReceivedOnColumn, required: true);
        var area = row.Text(ServiceAreaColumn, 100, required: true);
        var team = row.Text(TeamColumn, 100);
        var officer = row.Text(OfficerColumn, 200);
        var channel = row.Enum<Channel>(ChannelColumn, "CHANNEL_", required: true);
        var giver = row.Enum<Giver>(GiverColumn, "GIVER_") ?? Giver.MemberOfPublic;
        var words = row.Text(WordsColumn, 10_000);
        var consent = row.Boolean(ConsentColumn) ?? false;
        var quotable = row.Text(QuotableTextColumn, QuotableTextRules.MaxLength);

        if (receivedOn > directory.Today)
        {
            row.Fail(ReceivedOnColumn, "must not be in the future");
        }
        if (giver == Giver.CouncilStaff)
        {
            row.Fail(GiverColumn, "praise between council staff is not recorded as a compliment");
        }
        if (area is not null && !directory.ServiceAreas.Contains(area))
        {
            row.Fail(ServiceAreaColumn, "is not a service area of the council");
        }
        if (team is not null && area is not null && directory.TeamAreas.GetValueOrDefault(team) != area)
        {
            row.Fail(TeamColumn, "is not a team of that service area");
        }
        // Officers are checked only when the configuration lists them, as for a live compliment.
        if (officer is not null && directory.Officers.Count > 0 && !directory.Officers.Contains(officer))
        {
            row.Fail(OfficerColumn, "is not an officer of the council");
        }
        var quoteRules = QuotableTextRules.Validate(consent, quotable);
        try
        {
            quoteRules.ThrowIfInvalid();
        }
        catch (ValidationException e)
        {
            foreach (var v in e.Violations)
            {
                row.Fail(QuotableTextColumn, v.Description);
            }
        }
        if (!row.IsValid)
        {
            return null;
        }
        var fingerprint = SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join('\u001f', sourceId, receivedOn, area, team, officer, channel, giver, words, consent, quotable)));
        return new ImportedCompliment(row.Line, sourceId!, receivedOn!.Value, area!, team, officer, channel!.Value, giver,
            words, consent, quotable, fingerprint);
    }
}
