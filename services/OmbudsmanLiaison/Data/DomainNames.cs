using System.Reflection;
using Google.Protobuf.Reflection;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintsPlatform.OmbudsmanLiaison.Data;

/// <summary>
/// Proto enums stored under their domain names ("UPHELD", "LGSCO"): the proto value name without
/// the enum's prefix, so storage and reports read the same words as the contracts.
/// </summary>
public static class DomainNames<TEnum> where TEnum : struct, Enum
{
    private static readonly Dictionary<TEnum, string> s_names = Build();
    private static readonly Dictionary<string, TEnum> s_values = s_names.ToDictionary(p => p.Value, p => p.Key);

    public static string Name(TEnum value) => s_names[value];

    public static TEnum Parse(string name) => s_values[name];

    public static bool TryParse(string name, out TEnum value) => s_values.TryGetValue(name, out value);

    private static Dictionary<TEnum, string> Build()
    {
        var original = typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static)
            .ToDictionary(f => (TEnum)f.GetValue(null)!, f => f.GetCustomAttribute<OriginalNameAttribute>()!.Name);
        var prefix = original[default].Replace("UNSPECIFIED", "", StringComparison.Ordinal);
        return original.ToDictionary(p => p.Key, p => p.Value.StartsWith(prefix, StringComparison.Ordinal) ? p.Value[prefix.Length..] : p.Value);
    }
}

public static class DomainNameConversions
{
    public static PropertyBuilder<TEnum> StoredByName<TEnum>(this PropertyBuilder<TEnum> property) where TEnum : struct, Enum =>
        property.HasConversion(v => DomainNames<TEnum>.Name(v), s => DomainNames<TEnum>.Parse(s)).HasMaxLength(40);

    public static PropertyBuilder<TEnum?> StoredByName<TEnum>(this PropertyBuilder<TEnum?> property) where TEnum : struct, Enum =>
        property.HasConversion(v => DomainNames<TEnum>.Name(v!.Value), s => DomainNames<TEnum>.Parse(s)).HasMaxLength(40);
}
