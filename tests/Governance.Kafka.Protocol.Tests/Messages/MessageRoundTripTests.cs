using Governance.Kafka.Protocol.Wire;
using Shouldly;
using Xunit;

namespace Governance.Kafka.Protocol.Tests.Messages;

public sealed class MessageRoundTripTests
{
    public static TheoryData<ApiKey, short, bool> EveryApiVersion()
    {
        var data = new TheoryData<ApiKey, short, bool>();
        foreach (var api in ApiCatalog.All)
        {
            for (var version = api.MinVersion; version <= api.MaxVersion; version++)
            {
                data.Add(api.Key, version, true);
                data.Add(api.Key, version, false);
            }
        }
        return data;
    }

    /// <summary>
    /// Write, read back, write again: the bytes must be identical, so every field the version carries survives and the
    /// reader consumes exactly what the writer wrote (flexible versions included, with an unknown tagged field).
    /// </summary>
    [Theory]
    [MemberData(nameof(EveryApiVersion))]
    public void Every_version_round_trips(ApiKey key, short version, bool request)
    {
        var api = ApiCatalog.Get(key);
        var original = SampleMessages.Fill(request ? api.NewRequest() : api.NewResponse(), seed: version);

        var first = Write(api, version, original);
        var decoded = request ? api.NewRequest() : api.NewResponse();
        var reader = new MessageReader(first) { Version = version, Flexible = api.IsFlexible(version) };
        decoded.Serialize(reader);

        reader.Remaining.ShouldBe(0);
        Write(api, version, decoded).ShouldBe(first);
    }

    [Theory]
    [MemberData(nameof(EveryApiVersion))]
    public void Every_truncation_is_a_protocol_error(ApiKey key, short version, bool request)
    {
        var api = ApiCatalog.Get(key);
        var bytes = Write(api, version, SampleMessages.Fill(request ? api.NewRequest() : api.NewResponse(), seed: 3));

        for (var length = 0; length < bytes.Length; length++)
        {
            var reader = new MessageReader(bytes.AsMemory(0, length)) { Version = version, Flexible = api.IsFlexible(version) };
            var message = request ? api.NewRequest() : api.NewResponse();
            Should.Throw<KafkaProtocolException>(() => message.Serialize(reader), $"{key} v{version} cut at {length}");
        }
    }

    [Theory]
    [MemberData(nameof(EveryApiVersion))]
    public void Random_bytes_decode_or_fail_with_a_protocol_error(ApiKey key, short version, bool request)
    {
        var api = ApiCatalog.Get(key);
        var random = new Random(version * 31 + (int)key);
        for (var i = 0; i < 200; i++)
        {
            var garbage = new byte[random.Next(0, 300)];
            random.NextBytes(garbage);
            var reader = new MessageReader(garbage) { Version = version, Flexible = api.IsFlexible(version) };
            var message = request ? api.NewRequest() : api.NewResponse();
            try
            {
                message.Serialize(reader);
            }
            catch (KafkaProtocolException)
            {
                // The only acceptable failure.
            }
        }
    }

    private static byte[] Write(ApiDefinition api, short version, IProtocolStruct message)
    {
        using var writer = new MessageWriter { Version = version, Flexible = api.IsFlexible(version) };
        message.Serialize(writer);
        return writer.WrittenSpan.ToArray();
    }
}
