using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ComplaintsPlatform.Deploy;

/// <summary>
/// Turns one project's manifest environment into Kubernetes env entries. Every placeholder is
/// resolved by a rule below or the generator stops: a new kind of reference in the AppHost must
/// be placed here on purpose. Secret parameters become secretKeyRefs (never values); settings that
/// differ per installation (the public address, SMTP) come from the platform ConfigMap; a value that
/// embeds either refers to a helper variable defined before it, as $(NAME).
/// </summary>
internal sealed partial class EnvironmentTranslator(ManifestModel manifest)
{
    public const string SecretName = "complaints-platform";
    public const string ConfigMapName = "complaints-platform";
    public const string PostgresService = Naming.PostgresCluster + "-rw";
    public const int PostgresPort = 5432;
    public const string RedisService = "redis";
    public const int RedisPort = 6379;

    public JsonArray Translate(string project, IEnumerable<(string Name, string Value)> extra)
    {
        var helpers = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        var entries = new List<JsonObject>();
        var all = manifest.Environment(project).ToList();
        foreach (var (name, value) in all.Concat(extra))
        {
            if (Dropped(name, value, all))
            {
                continue;
            }
            var entry = Entry(name, value, helpers);
            if (entry is not null)
            {
                entries.Add(entry);
            }
        }
        return [.. helpers.Values, .. entries];
    }

    /// <summary>What the manifest carries that a Kubernetes deployment must not or need not have.</summary>
    private static bool Dropped(string name, string value, List<(string Name, string Value)> all) =>
        // Aspire's second spelling of each reference (INTAKE_GRPC beside services__intake__grpc__0,
        // REDIS_HOST… beside ConnectionStrings__redis): nothing reads them.
        UpperAlias().IsMatch(name)
        || name.StartsWith("REDIS_", StringComparison.Ordinal)
        // ConnectionStrings__intake_db beside ConnectionStrings__intake-db.
        || (name.StartsWith("ConnectionStrings__", StringComparison.Ordinal) && name.Contains('_', StringComparison.Ordinal)
            && name["ConnectionStrings__".Length..].Contains('_', StringComparison.Ordinal)
            && all.Any(e => e.Name == name.Replace('_', '-').Replace("ConnectionStrings--", "ConnectionStrings__", StringComparison.Ordinal)))
        // The https endpoints Aspire describes are served by nothing.
        || value.Contains(".bindings.https.", StringComparison.Ordinal)
        // The dev-token client exists in Development only; a Production provider ignores it.
        || name == "Identity__DevClientSecret";

    private JsonObject? Entry(string name, string value, IDictionary<string, JsonObject> helpers)
    {
        var tokens = Token().Matches(value);
        if (tokens.Count == 1 && tokens[0].Value == value && Whole(tokens[0].Groups[1].Value) is { } whole)
        {
            return new JsonObject { ["name"] = name, ["valueFrom"] = whole };
        }
        var resolved = Token().Replace(value, m => Inline(m.Groups[1].Value, helpers));
        return new JsonObject { ["name"] = name, ["value"] = resolved };
    }

    /// <summary>A reference that is the whole value: a secret or a ConfigMap key, else null.</summary>
    private JsonObject? Whole(string token)
    {
        if (SecretParameter(token) is { } parameter)
        {
            return SecretRef(SecretName, parameter);
        }
        return ConfigKey(token) is { } key ? ConfigRef(key) : null;
    }

    private string Inline(string token, IDictionary<string, JsonObject> helpers)
    {
        if (SecretParameter(token) is { } parameter)
        {
            var helper = "SECRET_" + Upper(parameter);
            helpers.TryAdd(helper, new JsonObject { ["name"] = helper, ["valueFrom"] = SecretRef(SecretName, parameter) });
            return $"$({helper})";
        }
        if (ConfigKey(token) is { } key)
        {
            var helper = "CONFIG_" + Upper(key);
            helpers.TryAdd(helper, new JsonObject { ["name"] = helper, ["valueFrom"] = ConfigRef(key) });
            return $"$({helper})";
        }
        var parts = token.Split('.');
        var resource = parts[0];
        switch (manifest.TypeOf(resource), parts)
        {
            case ("value.v0", [_, "connectionString"]):
            case ("container.v0", [_, "connectionString"]):
                var inner = (string?)manifest.Resource(resource)["connectionString"] ?? "";
                return Token().Replace(inner, m => Inline(m.Groups[1].Value, helpers));
            case (_, [_, "bindings", _, "host"]) when resource == "postgres":
                return PostgresService;
            case (_, [_, "bindings", _, "port"]) when resource == "postgres":
                return PostgresPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
            case (_, [_, "bindings", _, "host"]) when resource == "redis":
                return RedisService;
            case (_, [_, "bindings", _, "port"]) when resource == "redis":
                return RedisPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
            case ("project.v0", [_, "bindings", var binding, "targetPort"]):
                return manifest.TargetPort(resource, binding).ToString(System.Globalization.CultureInfo.InvariantCulture);
            case ("project.v0", [_, "bindings", var binding, "url"]):
                return $"http://{resource}:{manifest.TargetPort(resource, binding)}";
            default:
                throw new InvalidOperationException($"The generator has no rule for the manifest reference {{{token}}}.");
        }
    }

    private string? SecretParameter(string token) =>
        token.EndsWith(".value", StringComparison.Ordinal) && manifest.IsSecretParameter(token[..^".value".Length])
            ? token[..^".value".Length]
            : null;

    /// <summary>Installation settings: the public address (the Ingress's host) and the mail relay.</summary>
    private static string? ConfigKey(string token) => token switch
    {
        "gateway.bindings.http.url" => "public-base-url",
        "mail.bindings.smtp.host" => "smtp-host",
        "mail.bindings.smtp.port" => "smtp-port",
        _ => null,
    };

    public static JsonObject SecretRef(string secret, string key) =>
        new() { ["secretKeyRef"] = new JsonObject { ["name"] = secret, ["key"] = key } };

    public static JsonObject ConfigRef(string key, bool optional = false)
    {
        var reference = new JsonObject { ["name"] = ConfigMapName, ["key"] = key };
        if (optional)
        {
            reference["optional"] = true;
        }
        return new JsonObject { ["configMapKeyRef"] = reference };
    }

    public static string Upper(string name) => name.ToUpperInvariant().Replace('-', '_');

    [GeneratedRegex(@"\{([A-Za-z0-9_.\-]+)\}")]
    private static partial Regex Token();

    [GeneratedRegex(@"^[A-Z0-9_]+_(GRPC|HTTP|HTTPS)$")]
    private static partial Regex UpperAlias();
}
