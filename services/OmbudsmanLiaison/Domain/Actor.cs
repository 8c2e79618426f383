namespace ComplaintsPlatform.OmbudsmanLiaison.Domain;

/// <summary>Who records a fact and when: a link officer live, or the complaints team importing history.</summary>
public sealed record Actor(string Id, DateTimeOffset Now);
