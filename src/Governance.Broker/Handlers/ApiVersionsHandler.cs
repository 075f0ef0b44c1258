using Governance.Broker.Network;
using Governance.Kafka.Protocol;
using Governance.Kafka.Protocol.Messages;

namespace Governance.Broker.Handlers;

/// <summary>
/// ApiVersions: the version ranges of <see cref="ApiCatalog"/>. v3+ requests name the client software (KIP-511),
/// which the connection records for lineage.
/// </summary>
public sealed class ApiVersionsHandler : RequestHandler<ApiVersionsRequest, ApiVersionsResponse>
{
    public override ApiKey Key => ApiKey.ApiVersions;

    protected override ValueTask<ApiVersionsResponse?> HandleAsync(
        RequestContext context, ApiVersionsRequest request, CancellationToken cancellationToken)
    {
        if (context.ApiVersion >= 3)
        {
            context.Connection.SetClientSoftware(request.ClientSoftwareName, request.ClientSoftwareVersion);
        }
        return ValueTask.FromResult<ApiVersionsResponse?>(Build(ErrorCode.None));
    }

    public static ApiVersionsResponse Build(ErrorCode errorCode) => new()
    {
        ErrorCode = errorCode,
        ApiKeys = ApiCatalog.All
            .Select(a => new ApiVersionsResponse.ApiVersion { ApiKey = (short)a.Key, MinVersion = a.MinVersion, MaxVersion = a.MaxVersion })
            .ToList(),
    };
}
