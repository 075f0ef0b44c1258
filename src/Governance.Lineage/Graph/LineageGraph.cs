namespace Governance.Lineage.Graph;

/// <summary>The lineage of a window: nodes and edges, each edge's counts summed over the window.</summary>
public sealed record LineageGraph(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<LineageNode> Nodes, IReadOnlyList<LineageEdge> Edges);

/// <param name="Id">See <see cref="NodeIds"/>.</param>
/// <param name="Kind">See <see cref="NodeKinds"/>.</param>
/// <param name="Attributes">What is known of the node (a client's software, principal and address; a topic's cluster...).</param>
public sealed record LineageNode(string Id, string Kind, string Name, IReadOnlyDictionary<string, string> Attributes);

public sealed record LineageEdge(string From, string To, string Kind, long Records, long Bytes, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);
