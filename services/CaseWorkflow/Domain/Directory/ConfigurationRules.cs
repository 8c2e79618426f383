using System.Globalization;
using System.Text.RegularExpressions;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Retention;

namespace ComplaintsPlatform.CaseWorkflow.Domain.Directory;

/// <summary>What a council configuration must satisfy, whether it comes from the file or an admin call.</summary>
public static partial class ConfigurationRules
{
    public static readonly IReadOnlyList<string> RequiredLists =
        ["nature_categories", "exclusion_reasons", "escalation_refusal_reasons", "remedy_types", "signpost_destinations"];

    public static IReadOnlyList<FieldViolation> Check(CouncilConfiguration config)
    {
        var v = new List<FieldViolation>();
        void Require(bool ok, string field, string description)
        {
            if (!ok)
            {
                v.Add(new FieldViolation(field, description));
            }
        }

        Require(config.Version >= 1, "version", "must be 1 or more");
        var council = config.Council;
        Require(council is not null, "council", "is required");
        if (council is not null)
        {
            Require(!string.IsNullOrWhiteSpace(council.Name), "council.name", "is required");
            Require(council.Type != CouncilType.Unspecified, "council.type", "is required (COUNCIL_TYPE_COUNTY, _DISTRICT, _UNITARY, _METROPOLITAN or _LONDON_BOROUGH)");
            Require(council.Population > 0, "council.population", "must be positive (used for per-100,000 figures)");
            Require(council.Division != Division.Unspecified, "council.division", "is required (England and Wales, Scotland or Northern Ireland)");
            Require(IsTimeZone(council.TimeZone), "council.time_zone", $"'{council.TimeZone}' is not a known time zone");
            Require(TimeOnly.TryParseExact(council.CloseOfBusiness, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                "council.close_of_business", "must be a time like 17:00");
            var closures = new HashSet<DateOnly>();
            for (var i = 0; i < council.ClosureDays.Count; i++)
            {
                var valid = Calendar.ProtoDates.TryToDateOnly(council.ClosureDays[i], out var day);
                Require(valid, $"council.closure_days[{i}]", "is not a valid date");
                Require(!valid || closures.Add(day), $"council.closure_days[{i}]", "is listed twice");
            }
        }

        if (config.Retention is not null)
        {
            v.AddRange(RetentionSchedule.Check(config.Retention.Rules, "retention.rules"));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var teamIds = new HashSet<string>(StringComparer.Ordinal);
        void Unit(string id, string name, string path)
        {
            Require(IdPattern().IsMatch(id), $"{path}.id", "must be a lower-case id of letters, digits and hyphens");
            Require(ids.Add(id), $"{path}.id", $"'{id}' is used twice");
            Require(!string.IsNullOrWhiteSpace(name), $"{path}.name", "is required");
        }
        Require(config.Directorates.Count > 0, "directorates", "must list at least one directorate");
        for (var d = 0; d < config.Directorates.Count; d++)
        {
            var directorate = config.Directorates[d];
            Unit(directorate.Id, directorate.Name, $"directorates[{d}]");
            for (var s = 0; s < directorate.ServiceAreas.Count; s++)
            {
                var area = directorate.ServiceAreas[s];
                Unit(area.Id, area.Name, $"directorates[{d}].service_areas[{s}]");
                for (var t = 0; t < area.Teams.Count; t++)
                {
                    var team = area.Teams[t];
                    var path = $"directorates[{d}].service_areas[{s}].teams[{t}]";
                    Unit(team.Id, team.Name, path);
                    teamIds.Add(team.Id);
                    Require(string.IsNullOrEmpty(team.Email) || IsEmail(team.Email), $"{path}.email", "is not an email address");
                }
            }
        }

        var officerIds = new HashSet<string>(StringComparer.Ordinal);
        for (var o = 0; o < config.Officers.Count; o++)
        {
            var officer = config.Officers[o];
            var path = $"officers[{o}]";
            Require(!string.IsNullOrWhiteSpace(officer.Id), $"{path}.id", "is required (the subject of the officer's token)");
            Require(officerIds.Add(officer.Id), $"{path}.id", $"'{officer.Id}' is used twice");
            Require(!string.IsNullOrWhiteSpace(officer.Name), $"{path}.name", "is required");
            Require(string.IsNullOrEmpty(officer.Email) || IsEmail(officer.Email), $"{path}.email", "is not an email address");
            for (var t = 0; t < officer.TeamIds.Count; t++)
            {
                Require(teamIds.Contains(officer.TeamIds[t]), $"{path}.team_ids[{t}]", $"'{officer.TeamIds[t]}' is not a team in the directory");
            }
        }

        var listNames = new HashSet<string>(StringComparer.Ordinal);
        for (var l = 0; l < config.Lists.Count; l++)
        {
            var list = config.Lists[l];
            var path = $"lists[{l}]";
            Require(RequiredLists.Contains(list.Name), $"{path}.name", $"'{list.Name}' is not a configurable list ({string.Join(", ", RequiredLists)})");
            Require(listNames.Add(list.Name), $"{path}.name", $"'{list.Name}' is listed twice");
            Require(list.Items.Any(i => !i.Retired), $"{path}.items", "must have at least one item in use");
            var codes = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < list.Items.Count; i++)
            {
                var item = list.Items[i];
                Require(CodePattern().IsMatch(item.Code), $"{path}.items[{i}].code", "must be an upper-case code like FAILURE_TO_PROVIDE_SERVICE");
                Require(codes.Add(item.Code), $"{path}.items[{i}].code", $"'{item.Code}' is used twice");
                Require(!string.IsNullOrWhiteSpace(item.Label), $"{path}.items[{i}].label", "is required");
            }
        }
        foreach (var missing in RequiredLists.Where(n => !listNames.Contains(n)))
        {
            v.Add(new FieldViolation("lists", $"the list '{missing}' is missing"));
        }
        return v;
    }

    private static bool IsTimeZone(string id) => Calendar.CouncilCalendarSettings.IsKnownTimeZone(id);

    internal static bool IsEmail(string value) => EmailPattern().IsMatch(value);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Z][A-Z0-9_]*$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
