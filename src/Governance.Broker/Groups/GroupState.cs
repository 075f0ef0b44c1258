namespace Governance.Broker.Groups;

/// <summary>
/// The classic group's states (Kafka ClassicGroupState): Empty → PreparingRebalance → CompletingRebalance → Stable,
/// back to PreparingRebalance when membership changes, Dead once deleted. <see cref="GroupStates.Name"/> gives Kafka's names.
/// </summary>
public enum GroupState
{
    Empty,
    PreparingRebalance,
    CompletingRebalance,
    Stable,
    Dead,
}
