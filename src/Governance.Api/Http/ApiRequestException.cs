namespace Governance.Api.Http;

/// <summary>
/// A request refused before it reaches the registry (malformed JSON, a field of the wrong type, an unsupported media
/// type): answered as Confluent's REST layer answers it, with <paramref name="errorCode"/> in <c>error_code</c>.
/// </summary>
public sealed class ApiRequestException(int httpStatus, int errorCode, string message) : Exception(message)
{
    public int HttpStatus { get; } = httpStatus;

    public int ErrorCode { get; } = errorCode;

    /// <summary>Jersey/Jackson answer unreadable bodies with 400 and <c>error_code</c> 400 (rest-utils' JsonParseExceptionMapper).</summary>
    public static ApiRequestException BadRequest(string message) => new(400, 400, message);
}
