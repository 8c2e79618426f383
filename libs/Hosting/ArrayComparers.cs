using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace ComplaintsPlatform.Hosting;

/// <summary>
/// Change tracking for array columns (text[], int[], date[]) through plain static methods. EF's own
/// comparer for a primitive collection nests a lambda inside the expression it compiles, so every
/// tracked entity built a fresh dynamic method to snapshot its arrays: a measurable share of a busy
/// Intake's processor time went on emitting and finalising them (ADR 0026).
/// </summary>
public static class ArrayComparers
{
    public static ModelBuilder UseFlatArrayComparers(this ModelBuilder modelBuilder)
    {
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            var type = property.ClrType;
            if (type.IsArray && type != typeof(byte[]) && type.GetElementType() is { } element)
            {
                property.SetValueComparer((ValueComparer)Activator.CreateInstance(typeof(ArrayComparer<>).MakeGenericType(element))!);
            }
        }
        return modelBuilder;
    }

    private sealed class ArrayComparer<T>() : ValueComparer<T[]>(
        (a, b) => Same(a, b),
        v => Hash(v),
        v => Copy(v))
    {
        private static bool Same(T[]? a, T[]? b) =>
            ReferenceEquals(a, b) || (a is not null && b is not null && a.AsSpan().SequenceEqual(b, EqualityComparer<T>.Default));

        private static int Hash(T[] v)
        {
            var hash = new HashCode();
            foreach (var item in v)
            {
                hash.Add(item);
            }
            return hash.ToHashCode();
        }

        private static T[] Copy(T[] v) => v.Length == 0 ? v : (T[])v.Clone();
    }
}
