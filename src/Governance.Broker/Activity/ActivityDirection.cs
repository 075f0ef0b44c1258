namespace Governance.Broker.Activity;

/// <summary>Which way records flowed between a client and a partition.</summary>
public enum ActivityDirection
{
    Produce,
    Fetch,
}
