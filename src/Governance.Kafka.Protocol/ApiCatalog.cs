using System.Collections.Frozen;
using Governance.Kafka.Protocol.Messages;

namespace Governance.Kafka.Protocol;

/// <summary>
/// The APIs and version ranges this broker advertises. Ranges start at 0 wherever Kafka ever had a v0, because
/// librdkafka before 2.11.1 enables features only when the range includes one exact version (shared notes,
/// "Trap for older librdkafka"); the maxima cover what librdkafka 2.15 asks for.
/// </summary>
public static class ApiCatalog
{
    public static IReadOnlyList<ApiDefinition> All { get; } =
    [
        new(ApiKey.Produce, 0, 10, 9, () => new ProduceRequest(), () => new ProduceResponse()),
        new(ApiKey.Fetch, 0, 12, 12, () => new FetchRequest(), () => new FetchResponse()),
        new(ApiKey.ListOffsets, 0, 7, 6, () => new ListOffsetsRequest(), () => new ListOffsetsResponse()),
        new(ApiKey.Metadata, 0, 12, 9, () => new MetadataRequest(), () => new MetadataResponse()),
        new(ApiKey.OffsetCommit, 0, 9, 8, () => new OffsetCommitRequest(), () => new OffsetCommitResponse()),
        new(ApiKey.OffsetFetch, 0, 7, 6, () => new OffsetFetchRequest(), () => new OffsetFetchResponse()),
        new(ApiKey.FindCoordinator, 0, 3, 3, () => new FindCoordinatorRequest(), () => new FindCoordinatorResponse()),
        new(ApiKey.JoinGroup, 0, 7, 6, () => new JoinGroupRequest(), () => new JoinGroupResponse()),
        new(ApiKey.Heartbeat, 0, 4, 4, () => new HeartbeatRequest(), () => new HeartbeatResponse()),
        new(ApiKey.LeaveGroup, 0, 4, 4, () => new LeaveGroupRequest(), () => new LeaveGroupResponse()),
        new(ApiKey.SyncGroup, 0, 5, 4, () => new SyncGroupRequest(), () => new SyncGroupResponse()),
        new(ApiKey.DescribeGroups, 0, 5, 5, () => new DescribeGroupsRequest(), () => new DescribeGroupsResponse()),
        new(ApiKey.ListGroups, 0, 4, 3, () => new ListGroupsRequest(), () => new ListGroupsResponse()),
        new(ApiKey.ApiVersions, 0, 4, 3, () => new ApiVersionsRequest(), () => new ApiVersionsResponse()),
        new(ApiKey.CreateTopics, 0, 5, 5, () => new CreateTopicsRequest(), () => new CreateTopicsResponse()),
        new(ApiKey.DeleteTopics, 0, 5, 4, () => new DeleteTopicsRequest(), () => new DeleteTopicsResponse()),
        new(ApiKey.InitProducerId, 0, 4, 2, () => new InitProducerIdRequest(), () => new InitProducerIdResponse()),
        new(ApiKey.DescribeConfigs, 0, 4, 4, () => new DescribeConfigsRequest(), () => new DescribeConfigsResponse()),
        new(ApiKey.AlterConfigs, 0, 2, 2, () => new AlterConfigsRequest(), () => new AlterConfigsResponse()),
        new(ApiKey.CreatePartitions, 0, 3, 2, () => new CreatePartitionsRequest(), () => new CreatePartitionsResponse()),
        new(ApiKey.IncrementalAlterConfigs, 0, 1, 1,
            () => new IncrementalAlterConfigsRequest(), () => new AlterConfigsResponse()),
        new(ApiKey.DescribeProducers, 0, 0, 0, () => new DescribeProducersRequest(), () => new DescribeProducersResponse()),
    ];

    private static readonly FrozenDictionary<short, ApiDefinition> ByKey = All.ToFrozenDictionary(a => (short)a.Key);

    /// <summary>The definition for a raw api key from a request header, or null for an API this broker lacks.</summary>
    public static ApiDefinition? Find(short apiKey) => ByKey.GetValueOrDefault(apiKey);

    public static ApiDefinition Get(ApiKey apiKey) => ByKey[(short)apiKey];
}
