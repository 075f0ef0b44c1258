namespace Governance.Broker.Activity;

/// <summary>
/// The broker's activity port: who talks to it and what flows where. Lineage implements it. The broker calls it from its
/// own threads (connection tasks, the group coordinator, the hand-over timer), so an implementation must return quickly
/// and never block on I/O. Produced and fetched records are not reported one request at a time: the broker counts them
/// per connection and hands the sums over every few seconds (<see cref="OnTraffic"/>), off the produce and fetch paths.
/// </summary>
public interface IBrokerActivitySink
{
    /// <summary>A connection opened, named its client id, software (KIP-511) or principal, or closed (<see cref="ClientConnection.ClosedAt"/>).</summary>
    void OnConnection(ClientConnection connection);

    /// <summary>Records and bytes produced and fetched, and schema ids seen, since the previous hand-over.</summary>
    void OnTraffic(TrafficBatch batch);

    /// <summary>A consumer group member joined, left, or received its assignment.</summary>
    void OnGroup(GroupActivityEvent groupEvent);

    /// <summary>A topic was created, deleted or had its configuration changed.</summary>
    void OnTopic(TopicActivityEvent topicEvent);
}
