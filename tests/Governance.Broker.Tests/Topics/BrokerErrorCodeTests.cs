using Governance.Broker.Topics;
using Governance.Kafka.Protocol;
using Shouldly;
using Xunit;

namespace Governance.Broker.Tests.Topics;

public sealed class BrokerErrorCodeTests
{
    [Fact]
    public void Every_code_has_the_number_the_wire_codec_uses_for_the_same_name()
    {
        foreach (var code in Enum.GetValues<BrokerErrorCode>())
        {
            var name = code.ToString();
            if (Enum.TryParse<ErrorCode>(name, out var wire))
            {
                ((short)code).ShouldBe((short)wire, name);
            }
        }
    }

    [Fact]
    public void The_codes_the_wire_enum_lacks_keep_kafkas_numbers()
    {
        // org.apache.kafka.common.protocol.Errors
        ((short)BrokerErrorCode.TransactionalIdAuthorizationFailed).ShouldBe((short)53);
        ((short)BrokerErrorCode.OffsetMetadataTooLarge).ShouldBe((short)12);
        ((short)BrokerErrorCode.InvalidTopicException).ShouldBe((short)17);
    }
}
