namespace Governance.Broker.Activity;

/// <summary>
/// Who talks to the broker: connections (client id, software, principal, address) and per (client, topic, partition,
/// direction) counters of records and bytes with first and last seen, plus consumer group membership. The lineage tracker
/// and the HTTP endpoint read it through <see cref="Snapshot"/>. Thread-safe.
/// </summary>
public sealed class ActivityTracker
{
    /// <summary>The principal of unauthenticated connections, as Kafka names it.</summary>
    public const string AnonymousPrincipal = "User:ANONYMOUS";

    public ActivityTracker(TimeProvider? time = null)
    {
        throw new NotImplementedException();
    }

    /// <summary>Starts tracking a new connection from <paramref name="address"/> (e.g. "127.0.0.1:53422").</summary>
    public ConnectionActivity OpenConnection(string address) => throw new NotImplementedException();

    /// <summary>Notes that <paramref name="clientId"/> is a member of <paramref name="group"/> subscribed to <paramref name="topics"/>.</summary>
    public void RecordGroupMembership(string clientId, string group, IReadOnlyList<string> topics) => throw new NotImplementedException();

    /// <summary>A copy of the current activity.</summary>
    public ActivitySnapshot Snapshot() => throw new NotImplementedException();
}
