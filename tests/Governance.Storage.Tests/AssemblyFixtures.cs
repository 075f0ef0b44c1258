using Governance.TestSupport;

[assembly: AssemblyFixture(typeof(PostgresServer))]
