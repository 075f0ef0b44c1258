using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>MetadataResponse.json, versions 0-12.</summary>
public sealed class MetadataResponse : IProtocolStruct
{
    public int ThrottleTimeMs;
    public List<Broker> Brokers = [];
    public string? ClusterId;
    public int ControllerId = -1;
    public List<Topic> Topics = [];
    public int ClusterAuthorizedOperations = int.MinValue;
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        if (codec.Version >= 3) codec.Int32(ref ThrottleTimeMs);
        codec.Array(ref Brokers);
        if (codec.Version >= 2) codec.NullableString(ref ClusterId);
        if (codec.Version >= 1) codec.Int32(ref ControllerId);
        codec.Array(ref Topics);
        if (codec.Version is >= 8 and <= 10) codec.Int32(ref ClusterAuthorizedOperations);
        codec.TaggedFields(ref Tags);
    }

    public sealed class Broker : IProtocolStruct
    {
        public int NodeId;
        public string Host = "";
        public int Port;
        public string? Rack;
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.Int32(ref NodeId);
            codec.String(ref Host);
            codec.Int32(ref Port);
            if (codec.Version >= 1) codec.NullableString(ref Rack);
            codec.TaggedFields(ref Tags);
        }
    }

    public sealed class Topic : IProtocolStruct
    {
        public ErrorCode ErrorCode;
        public string? Name;
        public Guid TopicId;
        public bool IsInternal;
        public List<Partition> Partitions = [];
        public int TopicAuthorizedOperations = int.MinValue;
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.ErrorCode(ref ErrorCode);
            if (codec.Version >= 12)
            {
                codec.NullableString(ref Name);
            }
            else
            {
                var name = Name ?? "";
                codec.String(ref name);
                Name = name;
            }
            if (codec.Version >= 10) codec.Uuid(ref TopicId);
            if (codec.Version >= 1) codec.Boolean(ref IsInternal);
            codec.Array(ref Partitions);
            if (codec.Version >= 8) codec.Int32(ref TopicAuthorizedOperations);
            codec.TaggedFields(ref Tags);
        }
    }

    public sealed class Partition : IProtocolStruct
    {
        public ErrorCode ErrorCode;
        public int PartitionIndex;
        public int LeaderId;
        public int LeaderEpoch = -1;
        public List<int> ReplicaNodes = [];
        public List<int> IsrNodes = [];
        public List<int> OfflineReplicas = [];
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.ErrorCode(ref ErrorCode);
            codec.Int32(ref PartitionIndex);
            codec.Int32(ref LeaderId);
            if (codec.Version >= 7) codec.Int32(ref LeaderEpoch);
            codec.Int32Array(ref ReplicaNodes);
            codec.Int32Array(ref IsrNodes);
            if (codec.Version >= 5) codec.Int32Array(ref OfflineReplicas);
            codec.TaggedFields(ref Tags);
        }
    }
}
