namespace Governance.TestSupport;

/// <summary>
/// Settings that keep a test server's broker core out of other tests' way: a free port instead of 9092 and a data
/// folder of its own. A test's own settings override them.
/// </summary>
public static class IsolatedBroker
{
    public static IReadOnlyDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Governance:Broker:Listener"] = "127.0.0.1:0",
        ["Governance:Broker:DataDirectory"] = Directory.CreateTempSubdirectory("governance-broker-").FullName,
    };
}
