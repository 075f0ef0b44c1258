using Governance.Broker.Producers;
using Governance.Broker.Tests.Log;
using Governance.Kafka.Protocol;
using Shouldly;
using Xunit;

namespace Governance.Broker.Tests.Producers;

public sealed class ProducerIdManagerTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    [Fact]
    public void Every_producer_gets_a_new_id_with_epoch_zero()
    {
        var manager = new ProducerIdManager(_directory.Path);

        var ids = Enumerable.Range(0, 2500).Select(_ => manager.InitProducerId(null)).ToList();

        ids.ShouldAllBe(r => r.ErrorCode == ErrorCode.None && r.ProducerEpoch == 0);
        ids.Select(r => r.ProducerId).Distinct().Count().ShouldBe(2500);
    }

    [Fact]
    public void Ids_are_never_reused_after_a_restart()
    {
        var first = new ProducerIdManager(_directory.Path);
        var before = Enumerable.Range(0, 10).Select(_ => first.InitProducerId(null).ProducerId).ToList();

        var second = new ProducerIdManager(_directory.Path);
        var after = second.InitProducerId(null).ProducerId;

        after.ShouldBeGreaterThan(before.Max());
    }

    [Fact]
    public void Transactional_producers_are_refused_with_a_message()
    {
        var result = new ProducerIdManager(_directory.Path).InitProducerId("tx-1");

        result.ErrorCode.ShouldBe(ErrorCode.TransactionalIdAuthorizationFailed);
        result.ErrorMessage!.ShouldContain("Transactions are not supported");
    }

    public void Dispose() => _directory.Dispose();
}
