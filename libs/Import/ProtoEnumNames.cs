using System.Reflection;
using Google.Protobuf.Reflection;

namespace ComplaintsPlatform.Import;

/// <summary>The proto names of an enum's values (FINDING_UPHELD), without _UNSPECIFIED, read once per type.</summary>
internal static class ProtoEnumNames<TEnum> where TEnum : struct, Enum
{
    public static readonly IReadOnlyList<(string Name, TEnum Value)> Values =
    [
        .. typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (Name: f.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? f.Name, Value: (TEnum)f.GetValue(null)!))
            .Where(v => !v.Name.EndsWith("_UNSPECIFIED", StringComparison.Ordinal)),
    ];
}
