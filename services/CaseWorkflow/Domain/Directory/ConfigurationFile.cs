using System.Text;
using System.Text.Json;
using ComplaintsPlatform.CaseWorkflow.V1;
using Google.Protobuf;

namespace ComplaintsPlatform.CaseWorkflow.Domain.Directory;

public sealed record ConfigurationProblem(int Line, string Field, string Message)
{
    public override string ToString() => $"line {Line}, {Field}: {Message}";
}

public sealed class ConfigurationFileException(string source, IReadOnlyList<ConfigurationProblem> problems)
    : Exception($"The council configuration '{source}' was refused: " + string.Join("; ", problems))
{
    public IReadOnlyList<ConfigurationProblem> Problems { get; } = problems;
}

/// <summary>
/// Reads the council configuration file (protobuf JSON of <see cref="CouncilConfiguration"/>, snake_case
/// field names). A bad file is refused whole, each problem with its line and field.
/// </summary>
public static class ConfigurationFile
{
    private static readonly JsonParser s_parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    public static CouncilConfiguration Parse(byte[] utf8, string source)
    {
        try
        {
            using var _ = JsonDocument.Parse(utf8);
        }
        catch (JsonException ex)
        {
            throw new ConfigurationFileException(source,
                [new ConfigurationProblem((int)(ex.LineNumber ?? 0) + 1, ex.Path ?? "$", "is not valid JSON")]);
        }

        var index = JsonLineIndex.Build(utf8);
        CouncilConfiguration config;
        try
        {
            config = s_parser.Parse<CouncilConfiguration>(Encoding.UTF8.GetString(utf8));
        }
        catch (InvalidProtocolBufferException ex)
        {
            var field = FieldNamedIn(ex.Message);
            var line = field is null ? 1 : index.LineOfProperty(field) ?? 1;
            throw new ConfigurationFileException(source, [new ConfigurationProblem(line, field ?? "$", ex.Message)]);
        }
        catch (InvalidJsonException ex)
        {
            throw new ConfigurationFileException(source, [new ConfigurationProblem(1, "$", ex.Message)]);
        }

        var violations = ConfigurationRules.Check(config);
        if (violations.Count > 0)
        {
            throw new ConfigurationFileException(source,
                violations.Select(v => new ConfigurationProblem(index.LineOf(v.Field), v.Field, v.Description)).ToList());
        }
        config.Source = source;
        return config;
    }

    // The protobuf parser names the offending field ("Unknown field: foo") but not its place.
    private static string? FieldNamedIn(string message)
    {
        var colon = message.IndexOf(':');
        if (colon < 0)
        {
            return null;
        }
        var name = message[(colon + 1)..].Trim().Split(' ', 2)[0].Trim('\'', '"', '.');
        return name.Length > 0 ? name : null;
    }
}
