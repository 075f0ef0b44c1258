namespace Governance.Broker.Groups;

/// <summary>The state names Kafka reports in ListGroups and DescribeGroups.</summary>
public static class GroupStates
{
    public static string Name(GroupState state) => state switch
    {
        GroupState.Empty => "Empty",
        GroupState.PreparingRebalance => "PreparingRebalance",
        GroupState.CompletingRebalance => "CompletingRebalance",
        GroupState.Stable => "Stable",
        _ => "Dead",
    };
}
