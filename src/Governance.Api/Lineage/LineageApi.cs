using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Governance.Lineage.Graph;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Governance.Api.Lineage;

/// <summary>
/// The lineage API on the registry listener: the graph of a window (<c>GET /v1/lineage/graph</c>), one topic's and one
/// client's lineage, and the graph as OpenLineage run events. Windows: <c>from</c> and <c>to</c> as ISO-8601 (default:
/// the last 10 minutes); a <c>to</c> in the future is read as now. Errors are problem details naming the parameter.
/// </summary>
public static class LineageApi
{
    /// <summary>The window when <c>from</c> is not given.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(10);

    private const string OpenLineageProducer = "https://github.com/governance/governance";
    private const string RunEventSchema = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";
    private const string JobTypeFacetSchema = "https://openlineage.io/spec/facets/2-0-3/JobTypeJobFacet.json#/$defs/JobTypeJobFacet";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RouteGroupBuilder MapLineageApi(this IEndpointRouteBuilder routes)
    {
        var lineage = routes.MapGroup("/v1/lineage").WithTags("Lineage");
        lineage.MapGet("/graph", GetGraphAsync).WithName("GetLineageGraph")
            .WithSummary("Nodes and edges with records and bytes summed over the window; focus and depth restrict it to a neighbourhood.");
        lineage.MapGet("/topics/{topic}", GetTopicAsync).WithName("GetTopicLineage")
            .WithSummary("A topic's producers, consumer groups, subjects and schema ids, and its throughput over the window.");
        lineage.MapGet("/clients/{clientId}", GetClientAsync).WithName("GetClientLineage")
            .WithSummary("What a client produces, consumes, registers and uses over the window.");
        lineage.MapGet("/openlineage", GetOpenLineageAsync).WithName("GetOpenLineageEvents")
            .WithSummary("The window's lineage as OpenLineage run events (jobs: clients and groups; datasets: topics; STREAMING).");
        return lineage;
    }

    private static async Task<IResult> GetGraphAsync(
        ILineageQuery query, TimeProvider time, string? from, string? to, string? focus, string? depth, CancellationToken cancellationToken)
    {
        if (ParseWindow(time, from, to) is not ({ } window, null))
        {
            return BadRequest(ParseWindow(time, from, to).Problem!);
        }

        var steps = ILineageQuery.MaxDepth;
        if (depth is not null && (!int.TryParse(depth, NumberStyles.None, CultureInfo.InvariantCulture, out steps) || steps > ILineageQuery.MaxDepth))
        {
            return BadRequest($"depth must be a whole number from 0 to {ILineageQuery.MaxDepth}, not '{depth}'.");
        }

        if (focus is not null)
        {
            if (NodeIds.Parse(focus) is null)
            {
                return BadRequest($"focus '{focus}' is not a node id (client:<id>, topic:<cluster>/<topic>, group:<cluster>/<group>, subject:<subject>, schema:<id>).");
            }

            if (!await query.IsKnownAsync(focus, cancellationToken).ConfigureAwait(false))
            {
                return NotFound($"No lineage node has the id '{focus}'.");
            }
        }

        var graph = await query.GetGraphAsync(window.From, window.To, focus, steps, cancellationToken).ConfigureAwait(false);
        return Results.Json(new { from = graph.From, to = graph.To, graph.Nodes, graph.Edges }, Json);
    }

    private static async Task<IResult> GetTopicAsync(
        string topic, ILineageQuery query, TimeProvider time, string? from, string? to, string? cluster, CancellationToken cancellationToken)
    {
        if (ParseWindow(time, from, to) is not ({ } window, null))
        {
            return BadRequest(ParseWindow(time, from, to).Problem!);
        }

        var id = NodeIds.Topic(cluster ?? NodeIds.LocalCluster, topic);
        if (!await query.IsKnownAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return NotFound($"No lineage is known for topic '{topic}' on cluster '{cluster ?? NodeIds.LocalCluster}'.");
        }

        var graph = await query.GetGraphAsync(window.From, window.To, id, 1, cancellationToken).ConfigureAwait(false);
        var produced = graph.Edges.Where(e => e.To == id && e.Kind == EdgeKinds.Produces).ToList();
        var seconds = Math.Max((graph.To - graph.From).TotalSeconds, 1);
        return Results.Json(
            new
            {
                topic = graph.Nodes.FirstOrDefault(n => n.Id == id),
                from = graph.From,
                to = graph.To,
                producers = produced,
                consumerGroups = graph.Edges.Where(e => e.From == id && e.Kind == EdgeKinds.Consumes).ToList(),
                subjects = graph.Edges.Where(e => e.From == id && e.Kind == EdgeKinds.UsesSchema && e.To.StartsWith("subject:", StringComparison.Ordinal)).ToList(),
                schemaIds = graph.Edges.Where(e => e.From == id && e.Kind == EdgeKinds.UsesSchema && e.To.StartsWith("schema:", StringComparison.Ordinal)).ToList(),
                throughput = new
                {
                    records = produced.Sum(e => e.Records),
                    bytes = produced.Sum(e => e.Bytes),
                    recordsPerSecond = produced.Sum(e => e.Records) / seconds,
                    bytesPerSecond = produced.Sum(e => e.Bytes) / seconds,
                },
            },
            Json);
    }

    private static async Task<IResult> GetClientAsync(
        string clientId, ILineageQuery query, TimeProvider time, string? from, string? to, CancellationToken cancellationToken)
    {
        if (ParseWindow(time, from, to) is not ({ } window, null))
        {
            return BadRequest(ParseWindow(time, from, to).Problem!);
        }

        var id = NodeIds.Client(clientId);
        if (!await query.IsKnownAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return NotFound($"No lineage is known for client '{clientId}'.");
        }

        var graph = await query.GetGraphAsync(window.From, window.To, id, 1, cancellationToken).ConfigureAwait(false);
        return Results.Json(
            new
            {
                client = graph.Nodes.FirstOrDefault(n => n.Id == id),
                from = graph.From,
                to = graph.To,
                produces = graph.Edges.Where(e => e.From == id && e.Kind == EdgeKinds.Produces).ToList(),
                consumes = graph.Edges.Where(e => (e.From == id || e.To == id) && e.Kind == EdgeKinds.Consumes).ToList(),
                registers = graph.Edges.Where(e => e.From == id && e.Kind == EdgeKinds.Registers).ToList(),
                usesSchemas = graph.Edges.Where(e => e.From == id && e.Kind == EdgeKinds.UsesSchema).ToList(),
            },
            Json);
    }

    private static async Task<IResult> GetOpenLineageAsync(ILineageQuery query, TimeProvider time, string? from, string? to, CancellationToken cancellationToken)
    {
        if (ParseWindow(time, from, to) is not ({ } window, null))
        {
            return BadRequest(ParseWindow(time, from, to).Problem!);
        }

        var graph = await query.GetGraphAsync(window.From, window.To, null, ILineageQuery.MaxDepth, cancellationToken).ConfigureAwait(false);
        return Results.Json(OpenLineageEvents(graph), Json);
    }

    // One RUNNING event per job (a client that produces or reads a topic directly, a consumer group), inputs and outputs
    // being topics as datasets in namespace kafka://<cluster>. The run id is derived from the job and the window, so the
    // same window gives the same events.
    private static List<object> OpenLineageEvents(LineageGraph graph)
    {
        var events = new List<object>();
        var jobs = graph.Edges
            .Where(e => e.Kind is EdgeKinds.Produces or EdgeKinds.Consumes)
            .Select(e => e.Kind == EdgeKinds.Produces ? (Job: e.From, Output: (string?)e.To, Input: (string?)null) : (Job: e.To, Output: null, Input: e.From))
            .Where(j => j.Job.StartsWith("client:", StringComparison.Ordinal) || j.Job.StartsWith("group:", StringComparison.Ordinal))
            .Where(j => (j.Input ?? j.Output)!.StartsWith("topic:", StringComparison.Ordinal))
            .GroupBy(j => j.Job, StringComparer.Ordinal);
        foreach (var job in jobs.OrderBy(j => j.Key, StringComparer.Ordinal))
        {
            var kind = NodeIds.Parse(job.Key)!.Value.Kind;
            events.Add(new Dictionary<string, object>
            {
                ["eventType"] = "RUNNING",
                ["eventTime"] = graph.To.ToString("O", CultureInfo.InvariantCulture),
                ["producer"] = OpenLineageProducer,
                ["schemaURL"] = RunEventSchema,
                ["run"] = new { runId = RunId(job.Key, graph) },
                ["job"] = new
                {
                    @namespace = "governance",
                    name = job.Key,
                    facets = new
                    {
                        jobType = new
                        {
                            _producer = OpenLineageProducer,
                            _schemaURL = JobTypeFacetSchema,
                            processingType = "STREAMING",
                            integration = "KAFKA",
                            jobType = kind == NodeKinds.Group ? "CONSUMER_GROUP" : "CLIENT",
                        },
                    },
                },
                ["inputs"] = job.Select(j => j.Input).OfType<string>().Distinct().Select(Dataset).ToList(),
                ["outputs"] = job.Select(j => j.Output).OfType<string>().Distinct().Select(Dataset).ToList(),
            });
        }

        return events;
    }

    private static object Dataset(string topicId)
    {
        var rest = topicId["topic:".Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return new { @namespace = "kafka://" + rest[..slash], name = rest[(slash + 1)..] };
    }

    private static Guid RunId(string job, LineageGraph graph)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{job}|{graph.From:O}|{graph.To:O}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5-style, RFC 4122 variant: a valid UUID
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    private static ((DateTimeOffset From, DateTimeOffset To)? Window, string? Problem) ParseWindow(TimeProvider time, string? from, string? to)
    {
        var now = time.GetUtcNow();
        if (!TryParseTime(to, now, out var end))
        {
            return (null, $"to '{to}' is not an ISO-8601 date and time (e.g. 2026-12-02T10:00:00Z).");
        }

        if (!TryParseTime(from, end - DefaultWindow, out var start))
        {
            return (null, $"from '{from}' is not an ISO-8601 date and time (e.g. 2026-12-02T10:00:00Z).");
        }

        return start > end ? (null, $"from ({start:O}) is after to ({end:O}).") : ((start, end), null);
    }

    private static bool TryParseTime(string? text, DateTimeOffset fallback, out DateTimeOffset value)
    {
        if (string.IsNullOrEmpty(text))
        {
            value = fallback;
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }

    private static IResult BadRequest(string detail) => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad lineage request", detail: detail);

    private static IResult NotFound(string detail) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown lineage node", detail: detail);
}
