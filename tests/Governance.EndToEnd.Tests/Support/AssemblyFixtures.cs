using Governance.TestSupport;
using Xunit;

[assembly: AssemblyFixture(typeof(PostgresServer))]
