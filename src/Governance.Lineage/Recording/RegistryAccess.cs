namespace Governance.Lineage.Recording;

/// <summary>
/// A schema registry request that tells lineage something: a client registered a schema under a subject, or looked one
/// up (by subject, or by id with <c>?subject=</c>), as Confluent's serializers do for every topic they write or read.
/// </summary>
/// <param name="ClientId">Who: the authenticated principal, or the user agent's product and the address.</param>
/// <param name="SchemaId">The schema id registered or looked up, when known.</param>
public sealed record RegistryAccess(
    string ClientId,
    string? Address,
    string? UserAgent,
    string? Principal,
    RegistryAccessKind Kind,
    string Subject,
    int? SchemaId,
    DateTimeOffset At);

public enum RegistryAccessKind
{
    /// <summary>POST /subjects/{subject}/versions: edge <c>registers</c>.</summary>
    Registers,

    /// <summary>POST /subjects/{subject}, GET /schemas/ids/{id}?subject=: edge <c>uses-schema</c>.</summary>
    LooksUp,
}
