namespace ComplaintsPlatform.CaseWorkflow.Domain.Cases;

/// <summary>Who is recording a fact, in which role, and when.</summary>
public sealed record Actor(string Id, string Role, DateTimeOffset Now);
