using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ComplaintsPlatform.CaseWorkflow.Domain.Cases;

namespace ComplaintsPlatform.CaseWorkflow.Data;

/// <summary>
/// The case aggregate as JSON. Domain types keep their setters non-public so only Case changes them;
/// this serializer alone reaches those setters and private constructors.
/// </summary>
internal static class CaseDocument
{
    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { ReachNonPublicMembers } },
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write(Case c) => JsonSerializer.Serialize(c, s_options);

    public static Case Read(string json) => JsonSerializer.Deserialize<Case>(json, s_options)
        ?? throw new InvalidOperationException("Empty case document.");

    private static void ReachNonPublicMembers(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || info.Type.Namespace != typeof(Case).Namespace)
        {
            return;
        }
        if (info.CreateObject is null
            && info.Type.GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic, Type.EmptyTypes) is { } constructor)
        {
            info.CreateObject = () => constructor.Invoke(null);
        }
        foreach (var property in info.Properties)
        {
            if (property.Set is null && property.AttributeProvider is PropertyInfo clr && clr.GetSetMethod(nonPublic: true) is { } setter)
            {
                property.Set = (target, value) => setter.Invoke(target, [value]);
            }
        }
    }
}
