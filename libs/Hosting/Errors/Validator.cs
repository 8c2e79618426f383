namespace ComplaintsPlatform.Hosting.Errors;

/// <summary>Collects every field violation of a request, so the caller learns all of them at once.</summary>
public sealed class Validator
{
    private readonly List<FieldViolation> _violations = [];

    public bool IsValid => _violations.Count == 0;

    public Validator Require(bool condition, string field, string description)
    {
        if (!condition)
        {
            _violations.Add(new FieldViolation(field, description));
        }
        return this;
    }

    public Validator NotBlank(string? value, string field, int maxLength = 0)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            _violations.Add(new FieldViolation(field, "is required"));
        }
        else if (maxLength > 0 && value.Length > maxLength)
        {
            _violations.Add(new FieldViolation(field, $"must be at most {maxLength} characters"));
        }
        return this;
    }

    /// <summary>An optional free-text field: empty is fine, longer than <paramref name="maxLength"/> is not.</summary>
    public Validator MaxLength(string? value, string field, int maxLength) =>
        Require(value is null || value.Length <= maxLength, field, $"must be at most {maxLength} characters");

    /// <summary>A required enum field: set, and one of the values the contract declares.</summary>
    public Validator Defined<TEnum>(TEnum value, string field, string description = "is not one of the known values")
        where TEnum : struct, Enum =>
        Require(Enum.IsDefined(value) && !EqualityComparer<TEnum>.Default.Equals(value, default), field, description);

    public Validator Add(string field, string description)
    {
        _violations.Add(new FieldViolation(field, description));
        return this;
    }

    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw new ValidationException(_violations.ToList());
        }
    }
}
