namespace Governance.Broker.Handlers;

/// <summary>
/// This broker as Metadata and FindCoordinator describe it: node 0, the controller, leader of every partition and
/// coordinator of every group, reachable at the advertised host and port.
/// </summary>
public sealed class BrokerIdentity
{
    public const int NodeId = 0;

    /// <summary>The cluster id reported in Metadata v2+.</summary>
    public string ClusterId { get; init; } = "governance-broker";

    public required string AdvertisedHost { get; set; }

    /// <summary>The advertised port; set once the listener is bound when the configuration asked for port 0.</summary>
    public required int AdvertisedPort { get; set; }
}
