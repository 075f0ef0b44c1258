using System.Text.Json;
using Governance.Broker.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Broker;

/// <summary>
/// A read-only HTTP view of the integrated broker: its topics with partition offsets (<c>GET /v1/broker/topics</c>);
/// 404 when the broker is switched off. Who produces and consumes what is lineage's (<c>/v1/lineage/...</c>).
/// </summary>
public static class BrokerApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RouteGroupBuilder MapBrokerApi(this IEndpointRouteBuilder routes)
    {
        var broker = routes.MapGroup("/v1/broker").WithTags("Broker");
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
