using System.Globalization;

namespace Governance.Lineage.Graph;

/// <summary>
/// The stable string ids of lineage nodes: <c>client:&lt;client id&gt;</c>, <c>topic:&lt;cluster&gt;/&lt;topic&gt;</c>,
/// <c>group:&lt;cluster&gt;/&lt;group&gt;</c>, <c>subject:&lt;subject&gt;</c>, <c>schema:&lt;id&gt;</c>. The integrated broker's
/// cluster is <see cref="LocalCluster"/>. Other components (catalog, console) keep these ids: never change their shape.
/// </summary>
public static class NodeIds
{
    public const string LocalCluster = "local";

    public static string Client(string clientId) => "client:" + clientId;

    public static string Topic(string cluster, string topic) => $"topic:{cluster}/{topic}";

    public static string Group(string cluster, string group) => $"group:{cluster}/{group}";

    public static string Subject(string subject) => "subject:" + subject;

    public static string Schema(int id) => "schema:" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The kind (<see cref="NodeKinds"/>) and display name of an id, or null when it is not a lineage node id.</summary>
    public static (string Kind, string Name)? Parse(string id)
    {
        var colon = id.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == id.Length - 1)
        {
            return null;
        }

        var kind = id[..colon];
        var rest = id[(colon + 1)..];
        return kind switch
        {
            NodeKinds.Client or NodeKinds.Subject => (kind, rest),
            NodeKinds.Schema when int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out _) => (kind, rest),
            NodeKinds.Topic or NodeKinds.Group when rest.IndexOf('/', StringComparison.Ordinal) is > 0 and var slash && slash < rest.Length - 1 => (kind, rest[(slash + 1)..]),
            _ => null,
        };
    }
}

/// <summary>Node kinds, as they appear in ids and answers.</summary>
public static class NodeKinds
{
    public const string Client = "client";
    public const string Topic = "topic";
    public const string Group = "group";
    public const string Subject = "subject";
    public const string Schema = "schema";
}

/// <summary>
/// Edge kinds: <c>produces</c> (client → topic), <c>consumes</c> (topic → group, member client → group),
/// <c>uses-schema</c> (topic → subject, client → subject, subject → schema), <c>registers</c> (client → subject).
/// </summary>
public static class EdgeKinds
{
    public const string Produces = "produces";
    public const string Consumes = "consumes";
    public const string UsesSchema = "uses-schema";
    public const string Registers = "registers";
}
