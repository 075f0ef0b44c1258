using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

namespace Governance.Storage.Tests.Support;

/// <summary>Runs a theory once per database: its one <c>string provider</c> parameter is <c>sqlite</c>, then <c>postgresql</c>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BothDatabasesAttribute : DataAttribute
{
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker) =>
        new([new TheoryDataRow<string>("sqlite"), new TheoryDataRow<string>("postgresql")]);

    public override bool SupportsDiscoveryEnumeration() => true;
}
