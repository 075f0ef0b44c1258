namespace Governance.Api.Http;

/// <summary>Settings of the registry API, bound from the <c>Governance:Api</c> configuration section.</summary>
public sealed class RegistryApiOptions
{
    public const string SectionName = "Governance:Api";

    /// <summary>The largest request body accepted; larger ones are answered 413. Confluent's own limit is in the same range.</summary>
    public long MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Reported by <c>GET /v1/metadata/id</c> as the schema registry cluster.</summary>
    public string ClusterId { get; set; } = "governance";
}
