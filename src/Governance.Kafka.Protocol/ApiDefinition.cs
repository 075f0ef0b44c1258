using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol;

/// <summary>
/// What this broker knows of one API: the version range it advertises in ApiVersions, the first flexible version
/// (the spec's "flexibleVersions"), and how to make empty request and response messages to read or fill.
/// The codecs decode every advertised version; handlers answer versions they do not serve with UNSUPPORTED_VERSION.
/// </summary>
public sealed record ApiDefinition(
    ApiKey Key,
    short MinVersion,
    short MaxVersion,
    short FlexibleFrom,
    Func<IProtocolStruct> NewRequest,
    Func<IProtocolStruct> NewResponse)
{
    public bool Supports(short version) => version >= MinVersion && version <= MaxVersion;

    public bool IsFlexible(short version) => version >= FlexibleFrom;

    /// <summary>Request header v2 (with tagged fields) for flexible versions, v1 otherwise.</summary>
    public short RequestHeaderVersion(short version) => IsFlexible(version) ? (short)2 : (short)1;

    /// <summary>
    /// Response header v1 for flexible versions, v0 otherwise; ApiVersions always answers with v0 so that a client
    /// can read the answer before it knows the versions (KIP-511).
    /// </summary>
    public short ResponseHeaderVersion(short version) =>
        Key != ApiKey.ApiVersions && IsFlexible(version) ? (short)1 : (short)0;
}
