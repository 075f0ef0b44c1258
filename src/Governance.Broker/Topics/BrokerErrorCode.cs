namespace Governance.Broker.Topics;

/// <summary>
/// The Kafka error codes the data plane (logs, topics, producers, groups) answers with; the numbers are Kafka's
/// (org.apache.kafka.common.protocol.Errors), so a handler can cast them straight onto the wire; a test keeps them equal
/// to <c>Governance.Kafka.Protocol.ErrorCode</c> name by name.
/// </summary>
public enum BrokerErrorCode : short
{
    None = 0,
    OffsetOutOfRange = 1,
    CorruptMessage = 2,
    UnknownTopicOrPartition = 3,
    InvalidFetchSize = 4,
    CoordinatorNotAvailable = 15,
    NotCoordinator = 16,
    InvalidTopicException = 17,
    RecordListTooLarge = 18,
    InvalidRequiredAcks = 21,
    IllegalGeneration = 22,
    InconsistentGroupProtocol = 23,
    InvalidGroupId = 24,
    UnknownMemberId = 25,
    InvalidSessionTimeout = 26,
    RebalanceInProgress = 27,
    OffsetMetadataTooLarge = 12,
    TopicAuthorizationFailed = 29,
    GroupAuthorizationFailed = 30,
    InvalidTimestamp = 32,
    UnsupportedForMessageFormat = 43,
    InvalidPartitions = 37,
    InvalidReplicationFactor = 38,
    InvalidConfig = 40,
    InvalidRequest = 42,
    TopicAlreadyExists = 36,
    OutOfOrderSequenceNumber = 45,
    DuplicateSequenceNumber = 46,
    InvalidProducerEpoch = 47,
    InvalidTransactionTimeout = 50,
    InvalidProducerIdMapping = 49,
    TransactionalIdAuthorizationFailed = 53,
    UnknownProducerId = 59,
    NonEmptyGroup = 68,
    GroupIdNotFound = 69,
    GroupMaxSizeReached = 81,
    MemberIdRequired = 79,
    FencedInstanceId = 82,
    InvalidRecord = 87,
    UnstableOffsetCommit = 88,
    UnknownServerError = -1,
}
