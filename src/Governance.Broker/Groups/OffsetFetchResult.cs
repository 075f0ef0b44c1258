using Governance.Kafka.Protocol;

namespace Governance.Broker.Groups;

/// <summary>
/// The OffsetFetch response for one group: committed offsets, one entry per asked partition (offset -1 and empty metadata
/// where nothing is committed), or every committed partition when the request named none.
/// </summary>
public sealed record OffsetFetchResult(ErrorCode ErrorCode, IReadOnlyList<OffsetCommitEntry> Offsets);
