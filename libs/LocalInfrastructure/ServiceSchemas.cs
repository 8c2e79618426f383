namespace ComplaintsPlatform.LocalInfrastructure;

/// <summary>The services that own a schema, with the connection-string name each one reads.</summary>
public static class ServiceSchemas
{
    public static readonly IReadOnlyList<(string Schema, string ConnectionName)> All =
    [
        ("intake", "intake-db"),
        ("caseworkflow", "case-workflow-db"),
        ("ombudsman", "ombudsman-liaison-db"),
        ("compliments", "compliments-db"),
        ("reporting", "reporting-db"),
        ("identity", "identity-db"),
    ];
}
