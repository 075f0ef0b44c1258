using System.Text.Json;
using System.Text.Json.Serialization;
using Governance.Broker.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Broker;

/// <summary>
/// Read-only HTTP views of the integrated broker: who produces and consumes what (<c>GET /v1/broker/activity</c>) and
/// its topics with partition offsets (<c>GET /v1/broker/topics</c>). When the broker is switched off both answer 404.
/// </summary>
public static class BrokerActivityApi
{
    /// <summary>camelCase names and enum names ("Produce", "Fetch") rather than numbers.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static RouteGroupBuilder MapBrokerActivityApi(this IEndpointRouteBuilder routes)
    {
        var broker = routes.MapGroup("/v1/broker").WithTags("Broker");
        broker.MapGet("/activity", (IServiceProvider services) =>
                services.GetService<BrokerServer>() is { } server
                    ? Results.Json(server.Activity.Snapshot(), Json)
                    : Disabled())
            .WithName("GetBrokerActivity")
            .WithSummary("Connections and per client, topic and partition produce/fetch counters of the integrated broker.");
        broker.MapGet("/topics", (IServiceProvider services) =>
                services.GetService<BrokerServer>() is { } server
                    ? Results.Json(server.Topics.ListTopics().Select(t => new BrokerTopicView(
                        t.Name,
                        t.TopicId,
                        t.Partitions.Select(p => new BrokerPartitionView(p.Id, p.Log.LogStartOffset, p.Log.HighWatermark, p.Log.SizeInBytes)).ToList(),
                        t.ConfigOverrides)), Json)
                    : Disabled())
            .WithName("GetBrokerTopics")
            .WithSummary("The integrated broker's topics, their partitions' offsets and sizes, and their config overrides.");
        return broker;
    }

    private static IResult Disabled() =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: "The integrated broker is disabled (Governance:Broker:Enabled=false).");
}

/// <summary>A topic in <c>GET /v1/broker/topics</c>.</summary>
public sealed record BrokerTopicView(string Name, Guid TopicId, IReadOnlyList<BrokerPartitionView> Partitions, IReadOnlyDictionary<string, string> Configs);

/// <summary>A partition in <c>GET /v1/broker/topics</c>.</summary>
public sealed record BrokerPartitionView(int Partition, long LogStartOffset, long HighWatermark, long SizeInBytes);
