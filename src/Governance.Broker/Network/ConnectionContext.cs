using System.Net;
using Governance.Broker.Activity;

namespace Governance.Broker.Network;

/// <summary>
/// What the broker knows about one client connection: where it comes from, the client id of its latest request,
/// the software it named in ApiVersions v3+ (KIP-511) and its principal. Activity counters go through
/// <see cref="Activity"/>.
/// </summary>
public sealed class ConnectionContext(EndPoint? remoteEndPoint, ConnectionActivity activity)
{
    public string Address { get; } = remoteEndPoint?.ToString() ?? "unknown";

    /// <summary>The host part of the address, as DescribeGroups reports a member's client host ("/127.0.0.1").</summary>
    public string Host { get; } = remoteEndPoint is IPEndPoint ip ? "/" + ip.Address : "/unknown";

    public ConnectionActivity Activity { get; } = activity;

    public string ClientId { get; private set; } = "";

    public string? SoftwareName { get; private set; }

    public string? SoftwareVersion { get; private set; }

    public string Principal { get; private set; } = ActivityAggregator.AnonymousPrincipal;

    /// <summary>The client id of the latest request header (null is kept as empty, as DescribeGroups reports it).</summary>
    public void SetClientId(string? clientId)
    {
        ClientId = clientId ?? "";
        Activity.SetClientId(clientId);
    }

    public void SetClientSoftware(string name, string version)
    {
        SoftwareName = name;
        SoftwareVersion = version;
        Activity.SetClientSoftware(name, version);
    }

    /// <summary>The principal authentication established (e.g. "User:alice").</summary>
    public void SetPrincipal(string principal)
    {
        Principal = principal;
        Activity.SetPrincipal(principal);
    }
}
