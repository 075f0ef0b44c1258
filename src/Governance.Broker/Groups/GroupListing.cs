namespace Governance.Broker.Groups;

/// <summary>A group in ListGroups: id, protocol type ("consumer", or empty for groups that only commit offsets) and state name.</summary>
public sealed record GroupListing(string GroupId, string ProtocolType, string State);
