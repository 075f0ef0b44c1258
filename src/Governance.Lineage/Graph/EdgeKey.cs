namespace Governance.Lineage.Graph;

/// <summary>An edge of the lineage graph: from a node to a node, of a kind (<see cref="EdgeKinds"/>).</summary>
public readonly record struct EdgeKey(string From, string To, string Kind);
